import { type TLanguage, type TMe, type TUpdateMe, ZMeSchema } from '../../../server/contracts/me.ts';
import type { TApiRequest } from './client.ts';

export function getMe(request: TApiRequest): Promise<TMe> {
  return request('/api/me', ZMeSchema);
}

export function updateMyLanguage(request: TApiRequest, language: TLanguage): Promise<TMe> {
  const body: TUpdateMe = { language };
  return request('/api/me', ZMeSchema, { method: 'PATCH', body });
}
