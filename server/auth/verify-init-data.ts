import { validate } from '@telegram-apps/init-data-node';
import { z } from 'zod';
import type { TTelegramIdentity } from '#core/accounts/telegram-identity.ts';
import { AppError } from '#core/errors/app-error.ts';

const ZInitDataUserSchema = z.object({
  id: z.number().int().positive(),
  first_name: z.string(),
  last_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
});

export interface TVerifiedInitData {
  identity: TTelegramIdentity;
  authDate: Date;
  /** Telegram's signature of this launch: one per opening of the Mini App. */
  hash: string;
}

/**
 * Checks `Authorization: tma <initData>` against the user bot's token (HMAC as Telegram documents it) and
 * refuses data older than `maxAgeSeconds`: a leaked initData string stops working after that.
 */
export function verifyInitData(raw: string, botToken: string, maxAgeSeconds: number): TVerifiedInitData {
  try {
    validate(raw, botToken, { expiresIn: maxAgeSeconds });
  } catch (error) {
    throw new AppError('UNAUTHORIZED', { reason: error instanceof Error ? error.name : 'invalid' });
  }
  const params = new URLSearchParams(raw);
  const user = ZInitDataUserSchema.safeParse(JSON.parse(params.get('user') ?? 'null'));
  if (!user.success) throw new AppError('UNAUTHORIZED', { reason: 'no user' });
  return {
    identity: {
      id: BigInt(user.data.id),
      firstName: user.data.first_name,
      lastName: user.data.last_name,
      username: user.data.username,
      languageCode: user.data.language_code,
    },
    authDate: new Date(Number(params.get('auth_date')) * 1000),
    hash: params.get('hash') ?? '',
  };
}
