import { useCallback, useEffect, useRef, useState } from 'react';

export type TPage<T> = { items: T[]; nextBefore: string | null };

type TPagesState<T> = TPage<T> & { loading: boolean; error: unknown };

/**
 * A keyset-paged list, a page at a time. `fetchPage` must be memoized on its filters: a new one starts
 * over, and a page that arrives for filters no longer chosen is dropped, so rows of two filters never mix.
 */
export function usePages<T>(fetchPage: (before: string | undefined) => Promise<TPage<T>>) {
  const [state, setState] = useState<TPagesState<T>>({
    items: [],
    nextBefore: null,
    loading: true,
    error: undefined,
  });
  const generation = useRef(0);

  const load = useCallback(
    (before: string | undefined) => {
      const mine = generation.current;
      setState((s) => ({ ...s, items: before ? s.items : [], loading: true, error: undefined }));
      fetchPage(before).then(
        (page) => {
          if (mine !== generation.current) return;
          setState((s) => ({
            items: before ? [...s.items, ...page.items] : page.items,
            nextBefore: page.nextBefore,
            loading: false,
            error: undefined,
          }));
        },
        (error: unknown) => {
          if (mine === generation.current) setState((s) => ({ ...s, loading: false, error }));
        },
      );
    },
    [fetchPage],
  );

  useEffect(() => {
    generation.current += 1;
    load(undefined);
  }, [load]);

  const loadMore = useCallback(() => {
    if (!state.loading && state.nextBefore) load(state.nextBefore);
  }, [load, state.loading, state.nextBefore]);
  // After an error, retry what failed: the next page if there were rows, else the first.
  const retry = useCallback(
    () => load(state.items.length > 0 ? (state.nextBefore ?? undefined) : undefined),
    [load, state.items.length, state.nextBefore],
  );

  return { ...state, loadMore, retry };
}
