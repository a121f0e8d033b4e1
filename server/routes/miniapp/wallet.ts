import type { FastifyInstance } from 'fastify';
import { AppError } from '#core/errors/app-error.ts';
import { renderLocalizedText } from '#core/i18n/localized-text.ts';
import { balanceHistory } from '#core/ledger/history.ts';
import { getWallet } from '#core/ledger/wallet.ts';
import {
  HISTORY_PAGE_MAX,
  type THistory,
  type TWallet,
  ZHistoryQuerySchema,
} from '#server/contracts/wallet.ts';
import type { ServerDeps } from '#server/deps.ts';

const HISTORY_PAGE_DEFAULT = 20;

/** GET /api/wallet (balances, grants, plans) and GET /api/wallet/history (ledger rows, keyset-paged). */
export function walletRoutes(app: FastifyInstance, deps: ServerDeps) {
  app.get('/api/wallet', async (request): Promise<TWallet> => {
    if (!request.account) throw new AppError('UNAUTHORIZED');
    const wallet = await getWallet(deps.db, request.account.id);
    return {
      tokens: {
        balance: wallet.tokens.balance.toString(),
        held: wallet.tokens.held.toString(),
        available: wallet.tokens.available.toString(),
      },
      grants: wallet.grants.map((g) => ({
        id: g.id.toString(),
        source: g.source,
        amount: g.amount.toString(),
        remaining: g.remaining.toString(),
        expiresAt: g.expiresAt?.toISOString() ?? null,
      })),
      money: wallet.money.map((m) => ({
        asset: m.asset,
        balance: m.balance.toString(),
        available: m.available.toString(),
      })),
      plans: wallet.entitlements.map((e) => ({
        kind: e.kind,
        productId: e.productId,
        endsAt: e.endsAt.toISOString(),
      })),
    };
  });

  app.get('/api/wallet/history', async (request): Promise<THistory> => {
    if (!request.account) throw new AppError('UNAUTHORIZED');
    const query = ZHistoryQuerySchema.safeParse(request.query);
    if (!query.success) throw new AppError('INVALID_INPUT');
    const limit = Number(query.data.limit ?? HISTORY_PAGE_DEFAULT);
    if (limit < 1 || limit > HISTORY_PAGE_MAX) throw new AppError('INVALID_INPUT');
    // One row more than asked tells whether another page exists without a count query.
    const rows = await balanceHistory(deps.db, {
      userId: request.account.id,
      asset: query.data.asset,
      type: query.data.type,
      beforeId: query.data.before ? BigInt(query.data.before) : undefined,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    // Said here, in the account's language (the one the Mini App shows), so the app needs no key of the bots'.
    const lang = request.account.language;
    const say = (key: string, args?: Record<string, string | number>) => deps.translator.t(lang, key, args);
    return {
      items: page.map((row) => ({
        id: row.entryId.toString(),
        at: row.at.toISOString(),
        asset: row.asset,
        type: row.type,
        description: renderLocalizedText(say, row.description),
        amount: row.amount.toString(),
        balanceBefore: row.balanceBefore.toString(),
        balanceAfter: row.balanceAfter.toString(),
      })),
      nextBefore: rows.length > limit && last ? last.entryId.toString() : null,
    };
  });
}
