import {
  type TLanguage,
  type TMe,
  type TUpdateMe,
  ZMeSchema,
  ZTimeZoneSchema,
} from '../../../server/contracts/me.ts';
import type { TApiRequest } from './client.ts';

export function getMe(request: TApiRequest): Promise<TMe> {
  return request('/api/me', ZMeSchema);
}

export function updateMyLanguage(request: TApiRequest, language: TLanguage): Promise<TMe> {
  const body: TUpdateMe = { language };
  return request('/api/me', ZMeSchema, { method: 'PATCH', body });
}

/**
 * Tells the server the device's time zone when it is not the saved one, so the bot shows lock and limit
 * times in it (a bot user's only source of it is here). Null when there was nothing to send.
 */
export function reportTimeZone(request: TApiRequest, me: TMe['user']): Promise<TMe | null> {
  const zone = ZTimeZoneSchema.safeParse(Intl.DateTimeFormat().resolvedOptions().timeZone);
  if (!zone.success || zone.data === me.timeZone) return Promise.resolve(null);
  const body: TUpdateMe = { timeZone: zone.data };
  return request('/api/me', ZMeSchema, { method: 'PATCH', body });
}
