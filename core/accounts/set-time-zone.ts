import type { PrismaClient, User } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { isTimeZone } from './time-zone.ts';

/** Keeps the zone the user's device reported (the Mini App sends it), so times are shown in it. */
export async function setTimeZone(
  db: PrismaClient,
  opts: { userId: bigint; timeZone: string },
): Promise<User> {
  if (!isTimeZone(opts.timeZone)) throw new AppError('INVALID_INPUT', { reason: 'time_zone' });
  return db.user.update({ where: { id: opts.userId }, data: { timeZone: opts.timeZone } });
}
