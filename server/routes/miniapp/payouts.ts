import type { FastifyInstance } from 'fastify';
import type { PayoutRequest } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { listUserPayouts } from '#core/payouts/list-payouts.ts';
import { payoutOptions } from '#core/payouts/payout-options.ts';
import { formatRate, parseRate, rateFromDecimal } from '#core/payouts/payout-rate.ts';
import { requestPayout } from '#core/payouts/request-payout.ts';
import {
  type TCreatedPayout,
  type TPayoutRequestView,
  type TPayouts,
  ZCreatePayoutSchema,
  ZPayoutAssetSchema,
} from '#server/contracts/payouts.ts';
import type { ServerDeps } from '#server/deps.ts';

function view(request: PayoutRequest): TPayoutRequestView {
  return {
    id: request.id.toString(),
    asset: ZPayoutAssetSchema.parse(request.asset),
    amount: request.amount.toString(),
    method: request.method,
    destination: request.destination,
    bankName: request.bankName,
    rate: formatRate(rateFromDecimal(request.rate)),
    payoutAmount: request.payoutAmount.toString(),
    payoutCurrency: request.payoutCurrency,
    status: request.status,
    rejectReason: request.rejectReason,
    createdAt: request.createdAt.toISOString(),
    decidedAt: request.decidedAt?.toISOString() ?? null,
  };
}

/** GET /api/payouts (balances, methods, rates, minimums, recent requests) and POST /api/payouts (a request). */
export function payoutRoutes(app: FastifyInstance, deps: ServerDeps) {
  app.get('/api/payouts', async (request): Promise<TPayouts> => {
    if (!request.account) throw new AppError('UNAUTHORIZED');
    const options = await payoutOptions(deps.db, request.account.id);
    const requests = await listUserPayouts(deps.db, request.account.id);
    return {
      emailVerified: options.emailVerified,
      balances: options.balances.map((b) => ({
        asset: b.asset,
        available: b.available.toString(),
        methods: b.methods.map((m) => ({
          method: m.method,
          currency: m.currency,
          rate: formatRate(m.rate),
          min: m.min.toString(),
        })),
      })),
      requests: requests.map(view),
    };
  });

  app.post('/api/payouts', async (request, reply) => {
    if (!request.account) throw new AppError('UNAUTHORIZED');
    const body = ZCreatePayoutSchema.safeParse(request.body);
    if (!body.success) throw new AppError('INVALID_INPUT');
    const expectedRate = body.data.rate === undefined ? undefined : parseRate(body.data.rate);
    if (expectedRate === null) throw new AppError('INVALID_INPUT', { field: 'rate' });
    const created = await requestPayout(deps.db, {
      userId: request.account.id,
      asset: body.data.asset,
      method: body.data.method,
      destination: body.data.destination,
      bankName: body.data.bankName ?? null,
      amount: BigInt(body.data.amount),
      expectedRate,
    });
    const out: TCreatedPayout = { request: view(created.request), balance: created.balance.toString() };
    return reply.status(201).send(out);
  });
}
