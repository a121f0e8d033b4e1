import { randomInt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { hmacHex } from '#core/crypto/secret-box.ts';
import type { PrismaClient, User } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';

export const EMAIL_CODE_TTL_MS = 24 * 60 * 60 * 1000;
export const EMAIL_MAX_ATTEMPTS = 5;
export const EMAIL_LOCK_MS = 15 * 60 * 1000;
/** One code a minute per user: enough for "resend", too slow to turn the bot into a mail cannon. */
export const EMAIL_RESEND_COOLDOWN_MS = 60 * 1000;

const ZEmailSchema = z.email().max(254);

export const normalizeEmail = (raw: string): string => raw.trim().toLowerCase();

export interface TEmailCodeDeps {
  db: PrismaClient;
  /** Derived from DATA_ENCRYPTION_KEY for this purpose only (deriveKey(master, 'email-code')). */
  codeKey: Buffer;
  now?: () => Date;
}

const hashCode = (key: Buffer, verificationEmail: string, code: string) =>
  hmacHex(key, `${verificationEmail}\n${code}`);

async function activeLock(db: PrismaClient, userId: bigint, now: Date): Promise<Date | null> {
  const locked = await db.emailVerification.findFirst({
    where: { userId, lockedUntil: { gt: now } },
    orderBy: { lockedUntil: 'desc' },
    select: { lockedUntil: true },
  });
  return locked?.lockedUntil ?? null;
}

/**
 * Issues a fresh 6-digit code for an address and returns it so the caller can mail it in the user's language.
 * Older pending codes of the user stop working: only the newest one counts.
 */
export async function requestEmailCode(
  deps: TEmailCodeDeps,
  opts: { userId: bigint; email: string },
): Promise<{ code: string; email: string; expiresAt: Date }> {
  const now = deps.now?.() ?? new Date();
  const email = normalizeEmail(opts.email);
  if (!ZEmailSchema.safeParse(email).success) throw new AppError('EMAIL_INVALID');

  const lockedUntil = await activeLock(deps.db, opts.userId, now);
  if (lockedUntil) throw new AppError('EMAIL_LOCKED', { until: lockedUntil });

  const owner = await deps.db.user.findUnique({ where: { email }, select: { id: true } });
  if (owner && owner.id !== opts.userId) throw new AppError('EMAIL_TAKEN');

  const last = await deps.db.emailVerification.findFirst({
    where: { userId: opts.userId },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true, email: true, verifiedAt: true },
  });
  if (last && !last.verifiedAt && now.getTime() - last.createdAt.getTime() < EMAIL_RESEND_COOLDOWN_MS) {
    throw new AppError('RATE_LIMITED', {
      until: new Date(last.createdAt.getTime() + EMAIL_RESEND_COOLDOWN_MS),
    });
  }

  const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
  const expiresAt = new Date(now.getTime() + EMAIL_CODE_TTL_MS);
  await deps.db.emailVerification.create({
    data: {
      userId: opts.userId,
      email,
      codeHash: hashCode(deps.codeKey, email, code),
      expiresAt,
      createdAt: now,
    },
  });
  return { code, email, expiresAt };
}

/**
 * Checks a typed code against the newest pending verification. Five wrong tries lock verification for
 * 15 minutes; the attempt counter moves by a conditional update so parallel guesses cannot exceed the limit.
 */
export async function verifyEmailCode(
  deps: TEmailCodeDeps,
  opts: { userId: bigint; code: string },
): Promise<User> {
  const now = deps.now?.() ?? new Date();
  const lockedUntil = await activeLock(deps.db, opts.userId, now);
  if (lockedUntil) throw new AppError('EMAIL_LOCKED', { until: lockedUntil });

  const pending = await deps.db.emailVerification.findFirst({
    where: { userId: opts.userId, verifiedAt: null },
    orderBy: { createdAt: 'desc' },
  });
  if (!pending) throw new AppError('EMAIL_NO_PENDING');
  if (pending.expiresAt <= now) throw new AppError('EMAIL_CODE_EXPIRED');

  const typed = opts.code.replace(/\s+/g, '');
  const expected = Buffer.from(pending.codeHash, 'hex');
  const actual = Buffer.from(hashCode(deps.codeKey, pending.email, typed), 'hex');
  if (/^\d{6}$/.test(typed) && timingSafeEqual(expected, actual)) {
    return deps.db.$transaction(async (tx) => {
      const owner = await tx.user.findUnique({ where: { email: pending.email }, select: { id: true } });
      if (owner && owner.id !== opts.userId) throw new AppError('EMAIL_TAKEN');
      await tx.emailVerification.update({ where: { id: pending.id }, data: { verifiedAt: now } });
      return tx.user.update({
        where: { id: opts.userId },
        data: { email: pending.email, emailVerifiedAt: now },
      });
    });
  }

  const counted = await deps.db.emailVerification.updateMany({
    where: { id: pending.id, attempts: { lt: EMAIL_MAX_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  });
  const after = await deps.db.emailVerification.findUniqueOrThrow({ where: { id: pending.id } });
  if (counted.count === 0 || after.attempts >= EMAIL_MAX_ATTEMPTS) {
    const until = new Date(now.getTime() + EMAIL_LOCK_MS);
    await deps.db.emailVerification.update({ where: { id: pending.id }, data: { lockedUntil: until } });
    throw new AppError('EMAIL_LOCKED', { until });
  }
  throw new AppError('EMAIL_CODE_WRONG', { attemptsLeft: EMAIL_MAX_ATTEMPTS - after.attempts });
}
