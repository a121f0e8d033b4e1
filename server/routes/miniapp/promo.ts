import type { FastifyInstance } from 'fastify';
import { AppError, isAppError } from '#core/errors/app-error.ts';
import { formatTokens } from '#core/money/format-money.ts';
import { claimPromoCode } from '#core/referrals/claim-promo-code.ts';
import {
  describePromoScope,
  describePromoTerms,
  PROMO_REFUSAL_KEYS,
} from '#core/referrals/describe-promo.ts';
import type { TPromoRefusal } from '#core/referrals/promo-rules.ts';
import { type TPromoResult, ZPromoRequestSchema } from '#server/contracts/promo.ts';
import type { ServerDeps } from '#server/deps.ts';

/** `POST /api/promo`: the Mini App's `/promo CODE`, with the same rules and messages as the bot. */
export function promoRoutes(app: FastifyInstance, deps: ServerDeps) {
  app.post('/api/promo', async (request, reply) => {
    const account = request.account;
    if (!account) throw new AppError('UNAUTHORIZED');
    const body = ZPromoRequestSchema.safeParse(request.body);
    if (!body.success) throw new AppError('INVALID_INPUT');
    const lang = account.language;
    const t = (key: string, args?: Record<string, string>) => deps.translator.t(lang, key, args);
    try {
      const result = await claimPromoCode(deps.db, { userId: account.id, code: body.data.code });
      const code = result.promo.code;
      if (result.kind === 'bonus') {
        const tokens = formatTokens(result.tokens, lang);
        const balance = formatTokens(result.balance, lang);
        const out: TPromoResult = {
          kind: 'bonus',
          message: t('promo-bonus-credited', { code, tokens, balance }),
          balance: result.balance.toString(),
        };
        return out;
      }
      const saved = t('promo-discount-saved', {
        code,
        terms: describePromoTerms(t, result.promo, lang),
        scope: describePromoScope(t, result.promo),
      });
      const out: TPromoResult = {
        kind: 'discount',
        message: result.replaced ? `${saved}\n${t('promo-discount-replaced')}` : saved,
        balance: null,
      };
      return out;
    } catch (error) {
      if (!isAppError(error, 'PROMO_REFUSED')) throw error;
      const key = PROMO_REFUSAL_KEYS[error.details.reason as TPromoRefusal] ?? 'promo-refused-not-found';
      return reply.status(422).send({ error: { code: 'PROMO_REFUSED', message: t(key) } });
    }
  });
}
