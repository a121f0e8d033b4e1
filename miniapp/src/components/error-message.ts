import { ApiError } from '../api/api-error.ts';
import type { TTranslate } from '../i18n.ts';

/** The server's own localized message when it sent one, else a generic one in the user's language. */
export function errorMessage(error: unknown, t: TTranslate): string {
  if (error instanceof ApiError && error.message) return error.message;
  return error instanceof ApiError && error.code === 'NETWORK_ERROR'
    ? t('miniapp-error-network')
    : t('miniapp-error-unexpected');
}
