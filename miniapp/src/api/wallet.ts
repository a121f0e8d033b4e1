import {
  type THistory,
  type THistoryQuery,
  type TWallet,
  ZHistorySchema,
  ZWalletSchema,
} from '../../../server/contracts/wallet.ts';
import type { TApiRequest } from './client.ts';

export function getWallet(request: TApiRequest): Promise<TWallet> {
  return request('/api/wallet', ZWalletSchema);
}

export function getHistory(request: TApiRequest, query: THistoryQuery): Promise<THistory> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value) params.set(name, value);
  const search = params.toString();
  return request(`/api/wallet/history${search ? `?${search}` : ''}`, ZHistorySchema);
}
