import { useCallback } from 'react';
import type { TResultKind } from '../../../../../server/contracts/studio.ts';
import { getGallery } from '../../../api/studio.ts';
import { usePages } from '../../../api/use-pages.ts';
import { useMe } from '../../../me-context.ts';

/** The gallery under the chosen filter, a page at a time; a filter change starts over. */
export function useGallery(kind: TResultKind | undefined) {
  const { request } = useMe();
  return usePages(
    useCallback((before: string | undefined) => getGallery(request, { kind, before }), [request, kind]),
  );
}
