import type { TApiRequest } from '../../api/client.ts';
import { type TLoadState, useLoadWith } from '../../api/use-load.ts';
import { useAdmin } from './admin-context.ts';

/** useLoad for the admin screens, which have the admin's signed client instead of the user's. */
export function useAdminLoad<T>(
  load: (request: TApiRequest) => Promise<T>,
): TLoadState<T> & { reload: () => void } {
  return useLoadWith(useAdmin().request, load);
}
