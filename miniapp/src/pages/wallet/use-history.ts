import { useCallback, useEffect, useRef, useState } from 'react';
import type { TAsset, THistoryItem, TTransactionType } from '../../../../server/contracts/wallet.ts';
import { getHistory } from '../../api/wallet.ts';
import { useMe } from '../../me-context.ts';

const PAGE_SIZE = '20';

type THistoryState = {
  items: THistoryItem[];
  nextBefore: string | null;
  loading: boolean;
  error: unknown;
};

/**
 * The history under the chosen filters, a page at a time. A filter change starts over; a page that
 * arrives for filters no longer chosen is dropped, so rows of two filters never mix.
 */
export function useHistory(asset: TAsset | undefined, type: TTransactionType | undefined) {
  const { request } = useMe();
  const [state, setState] = useState<THistoryState>({
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
      getHistory(request, { asset, type, before, limit: PAGE_SIZE }).then(
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
    [request, asset, type],
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
