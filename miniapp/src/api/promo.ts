import { type TPromoResult, ZPromoResultSchema } from '../../../server/contracts/promo.ts';
import type { TApiRequest } from './client.ts';

export function redeemPromo(request: TApiRequest, code: string): Promise<TPromoResult> {
  return request('/api/promo', ZPromoResultSchema, { method: 'POST', body: { code } });
}
