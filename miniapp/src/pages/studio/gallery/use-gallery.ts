import { useCallback, useEffect, useRef, useState } from 'react';
import type { TGalleryItem, TResultKind } from '../../../../../server/contracts/studio.ts';
import { getGallery } from '../../../api/studio.ts';
import { useMe } from '../../../me-context.ts';

type TGalleryState = { items: TGalleryItem[]; nextBefore: string | null; loading: boolean; error: unknown };

/**
 * The gallery under the chosen filter, a page at a time. A filter change starts over; a page that arrives
 * for a filter no longer chosen is dropped.
 */
export function useGallery(kind: TResultKind | undefined) {
  const { request } = useMe();
  const [state, setState] = useState<TGalleryState>({
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
      getGallery(request, { kind, before }).then(
        (page) => {
          if (mine !== generation.current) return;
          setState((s) => ({
            items: before ? [...s.items, ...page.items] : page.items,
            nextBefore: page.nextBefore,
            loading: false,
            error: undefined,
          }));
        },
        (error: unknown) => mine === generation.current && setState((s) => ({ ...s, loading: false, error })),
      );
    },
    [request, kind],
  );

  useEffect(() => {
    generation.current += 1;
    load(undefined);
  }, [load]);

  const loadMore = useCallback(() => {
    if (!state.loading && state.nextBefore) load(state.nextBefore);
  }, [load, state.loading, state.nextBefore]);
  const retry = useCallback(
    () => load(state.items.length > 0 ? (state.nextBefore ?? undefined) : undefined),
    [load, state.items.length, state.nextBefore],
  );
  return { ...state, loadMore, retry };
}
