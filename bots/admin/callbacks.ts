import { z } from 'zod';
import { ROLES } from '../../core/accounts/permissions.ts';
import { callbackCodec } from '../shared/callback-data.ts';

const ZUserIdSchema = z
  .string()
  .regex(/^\d{1,20}$/)
  .transform(BigInt);

export const cardAction = callbackCodec(
  'card',
  ['action', 'userId'],
  z.object({ action: z.enum(['ban', 'unban', 'roles', 'refresh', 'revoke']), userId: ZUserIdSchema }),
);

export const grantAction = callbackCodec(
  'grant',
  ['role', 'userId'],
  z.object({ role: z.enum(ROLES as [string, ...string[]]), userId: ZUserIdSchema }),
);

export const BAN_CANCEL = 'v1:ban-cancel';
