import { useCallback, useEffect, useState } from 'react';
import type { TApiRequest } from '../../api/client.ts';
import type { TLoadState } from '../../api/use-load.ts';
import { useAdmin } from './admin-context.ts';

/**
 * useLoad (api/use-load.ts) for the admin screens, which have the admin's signed client instead of the
 * user's: loads on mount and on `reload()`, and drops an answer that arrives after the page was left.
 */
export function useAdminLoad<T>(
  load: (request: TApiRequest) => Promise<T>,
): TLoadState<T> & { reload: () => void } {
  const { request } = useAdmin();
  const [state, setState] = useState<TLoadState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    void generation;
    setState((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }));
    load(request).then(
      (data) => current && setState({ status: 'ready', data }),
      (error: unknown) => current && setState({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [load, request, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
