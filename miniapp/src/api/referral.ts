import { type TReferral, ZReferralSchema } from '../../../server/contracts/referral.ts';
import type { TApiRequest } from './client.ts';

export function getReferral(request: TApiRequest): Promise<TReferral> {
  return request('/api/referral', ZReferralSchema);
}
