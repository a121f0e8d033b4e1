import { z } from 'zod';
import { assertCan, type TStaff } from '#core/accounts/staff.ts';
import { recordAudit } from '#core/audit/record-audit.ts';
import { findProduct } from '#core/catalog/products.ts';
import type { PrismaClient, PromoCode } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { isUniqueViolation } from '#core/ledger/ledger-accounts.ts';
import { normalizePromoCode } from './promo-rules.ts';

const base = {
  code: z.string(),
  /** Only this product, or any when null. */
  productId: z.string().nullable().default(null),
  maxRedemptions: z.number().int().positive().nullable().default(null),
  perUserLimit: z.number().int().positive().max(1000).default(1),
  firstPurchaseOnly: z.boolean().default(false),
  expiresAt: z.date().nullable().default(null),
};

export const ZNewPromoCodeSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('bonus_tokens'), bonusTokens: z.bigint().positive() }),
  z.object({ ...base, kind: z.literal('percent_discount'), percentOff: z.number().int().min(1).max(100) }),
  z.object({
    ...base,
    kind: z.literal('fixed_discount'),
    amountOff: z.bigint().positive(),
    currency: z.enum(['RUB', 'USD', 'XTR', 'USDT']),
  }),
]);
export type TNewPromoCode = z.input<typeof ZNewPromoCodeSchema>;

/** A new code, by staff who may move money (`money.adjust`: a code gives tokens or takes money off). */
export async function createPromoCode(
  db: PrismaClient,
  input: { staff: TStaff; promo: TNewPromoCode; now?: Date },
): Promise<PromoCode> {
  assertCan(input.staff, 'money.adjust');
  const parsed = ZNewPromoCodeSchema.safeParse(input.promo);
  if (!parsed.success)
    throw new AppError('INVALID_INPUT', { field: String(parsed.error.issues[0]?.path[0]) });
  const promo = parsed.data;
  const code = normalizePromoCode(promo.code);
  if (!code) throw new AppError('INVALID_INPUT', { field: 'code' });
  if (promo.productId !== null && !findProduct(promo.productId)) throw new AppError('PRODUCT_NOT_FOUND');
  if (promo.expiresAt !== null && promo.expiresAt <= (input.now ?? new Date()))
    throw new AppError('INVALID_INPUT', { field: 'expiresAt' });
  const data = {
    code,
    kind: promo.kind,
    bonusTokens: promo.kind === 'bonus_tokens' ? promo.bonusTokens : null,
    percentOff: promo.kind === 'percent_discount' ? promo.percentOff : null,
    amountOff: promo.kind === 'fixed_discount' ? promo.amountOff : null,
    currency: promo.kind === 'fixed_discount' ? promo.currency : null,
    productId: promo.productId,
    maxRedemptions: promo.maxRedemptions,
    perUserLimit: promo.perUserLimit,
    firstPurchaseOnly: promo.firstPurchaseOnly,
    expiresAt: promo.expiresAt,
    createdById: input.staff.id,
  };
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.promoCode.create({ data });
      await recordAudit(tx, {
        actorId: input.staff.id,
        action: 'promo.create',
        after: {
          promoCodeId: created.id.toString(),
          code,
          kind: promo.kind,
          bonusTokens: data.bonusTokens?.toString() ?? null,
          percentOff: data.percentOff,
          amountOff: data.amountOff?.toString() ?? null,
          currency: data.currency,
          productId: data.productId,
          maxRedemptions: data.maxRedemptions,
          perUserLimit: data.perUserLimit,
          firstPurchaseOnly: data.firstPurchaseOnly,
          expiresAt: data.expiresAt?.toISOString() ?? null,
        },
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('PROMO_CODE_TAKEN', { code });
    throw error;
  }
}
