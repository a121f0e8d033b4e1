import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { recordLogin } from '#core/accounts/record-login.ts';
import { touchUser } from '#core/accounts/touch-user.ts';
import { createSignupLimiter } from '#core/ai/rate-limit/http-limits.ts';
import type { User } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import type { ServerDeps } from '#server/deps.ts';
import { verifyInitData } from './verify-init-data.ts';

declare module 'fastify' {
  interface FastifyRequest {
    account: User | null;
  }
}

/**
 * Authenticates a Mini App request from `Authorization: tma <initData>`. Every call is checked; a session
 * event is recorded once per launch (per initData signature), not once per request.
 */
export function miniAppAuth(deps: ServerDeps) {
  const signups = createSignupLimiter(deps.redis, deps.config.REDIS_PREFIX);
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization ?? '';
    const [scheme, raw] = [header.slice(0, 4), header.slice(4)];
    let verified: ReturnType<typeof verifyInitData>;
    try {
      if (scheme !== 'tma ' || raw.length === 0) throw new AppError('UNAUTHORIZED', { reason: 'missing' });
      verified = verifyInitData(raw, deps.config.BOT_TOKEN, deps.config.INIT_DATA_MAX_AGE_SECONDS);
    } catch (error) {
      // Forged or expired data is logged with where it came from, never with the data itself.
      request.log.warn(
        { ip: request.ip, reason: error instanceof AppError ? error.details.reason : 'invalid' },
        'initData refused',
      );
      throw error;
    }
    const launch = createHash('sha256').update(verified.hash).digest('hex').slice(0, 32);
    const key = `${deps.config.REDIS_PREFIX}:miniapp-session:${launch}`;
    const first = await deps.redis.set(key, '1', 'EX', deps.config.INIT_DATA_MAX_AGE_SECONDS, 'NX');
    // "10 sign-ups per hour per IP": only a launch can create an account, so only a launch's first request
    // pays for the look-up; the Mini App is the one door where the client's address is known.
    if (
      first === 'OK' &&
      !(await deps.db.user.findUnique({ where: { id: verified.identity.id }, select: { id: true } }))
    ) {
      const hit = await signups.hit(request.ip);
      if (!hit.allowed) {
        await deps.redis.del(key);
        request.log.warn({ ip: request.ip, retryAt: hit.retryAt.toISOString() }, 'sign-up rate limit');
        throw new AppError('RATE_LIMITED', { retryAt: hit.retryAt });
      }
    }
    const { user, created } = await touchUser(deps.db, verified.identity, { viaBot: false });
    request.account = user;
    if (user.status === 'banned') throw new AppError('USER_BANNED', { reason: user.banReason ?? '' });

    if (first === 'OK') {
      await recordLogin(deps.db, {
        userId: user.id,
        source: 'miniapp',
        kind: created ? 'signup' : 'login',
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
    }
  };
}
