import { useCallback } from 'react';
import type { TAsset, TTransactionType } from '../../../../server/contracts/wallet.ts';
import { usePages } from '../../api/use-pages.ts';
import { getHistory } from '../../api/wallet.ts';
import { useMe } from '../../me-context.ts';

const PAGE_SIZE = '20';

/** The history under the chosen filters, a page at a time; a filter change starts over. */
export function useHistory(asset: TAsset | undefined, type: TTransactionType | undefined) {
  const { request } = useMe();
  return usePages(
    useCallback(
      (before: string | undefined) => getHistory(request, { asset, type, before, limit: PAGE_SIZE }),
      [request, asset, type],
    ),
  );
}
