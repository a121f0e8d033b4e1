import {
  type TWalletPay,
  type TWalletPayRequest,
  ZWalletPaySchema,
} from '../../../server/contracts/wallet-pay.ts';
import type { TApiRequest } from './client.ts';

/** Pays for a product from the RUB wallet, in place: the answer is final (a shortfall is WALLET_INSUFFICIENT). */
export function payFromWallet(request: TApiRequest, body: TWalletPayRequest): Promise<TWalletPay> {
  return request('/api/checkout/wallet', ZWalletPaySchema, { method: 'POST', body });
}
