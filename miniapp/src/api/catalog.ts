import {
  type TCatalog,
  type TCheckout,
  type TCheckoutRequest,
  type TPaymentStatus,
  ZCatalogSchema,
  ZCheckoutSchema,
  ZPaymentStatusSchema,
} from '../../../server/contracts/catalog.ts';
import type { TApiRequest } from './client.ts';

export function getCatalog(request: TApiRequest): Promise<TCatalog> {
  return request('/api/catalog', ZCatalogSchema);
}

export function startCheckout(request: TApiRequest, body: TCheckoutRequest): Promise<TCheckout> {
  return request('/api/checkout', ZCheckoutSchema, { method: 'POST', body });
}

export function getPaymentStatus(request: TApiRequest, paymentId: string): Promise<TPaymentStatus> {
  return request(`/api/checkout/${encodeURIComponent(paymentId)}`, ZPaymentStatusSchema);
}
