import { useCallback, useEffect, useState } from 'react';
import { useMe } from '../me-context.ts';
import type { TApiRequest } from './client.ts';

export type TLoadState<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'failed'; error: unknown };

/**
 * Loads a page's data on mount and on `reload()`. An answer that arrives after the page was left, or
 * after a newer reload started, is dropped rather than shown.
 */
export function useLoad<T>(
  load: (request: TApiRequest) => Promise<T>,
): TLoadState<T> & { reload: () => void } {
  return useLoadWith(useMe().request, load);
}

/** useLoad with a given signed client (the admin screens have the admin bot's, not the user's). */
export function useLoadWith<T>(
  request: TApiRequest,
  load: (request: TApiRequest) => Promise<T>,
): TLoadState<T> & { reload: () => void } {
  const [state, setState] = useState<TLoadState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    // `generation` only re-runs this effect; reading it keeps the dependency honest for the linter.
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
