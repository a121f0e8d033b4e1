import { completeSignup } from '#core/accounts/complete-signup.ts';
import { bootstrapSuperAdmins } from '#core/accounts/manage-roles.ts';
import { findStaff, type TStaff } from '#core/accounts/staff.ts';
import { touchUser } from '#core/accounts/touch-user.ts';
import { findCatalogModel } from '#core/ai/model-catalog.ts';
import { syncModelCatalog } from '#core/ai/models/sync-model-catalog.ts';
import type { PrismaClient } from '#core/db/create-prisma.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { adjustBalance } from '#core/ledger/adjust-balance.ts';
import { spendTokens } from '#core/ledger/spend-tokens.ts';
import { confirmPayment } from '#core/payments/confirm-payment.ts';
import { startCheckout } from '#core/payments/start-checkout.ts';
import { claimPromoCode } from '#core/referrals/claim-promo-code.ts';
import { createPromoCode } from '#core/referrals/create-promo-code.ts';
import { normalizePromoCode } from '#core/referrals/promo-rules.ts';
import { activateTrial } from '#core/vpn/subscription/activate-trial.ts';
import {
  DEMO_ACCOUNTS,
  DEMO_ADJUSTMENTS,
  DEMO_EXPIRED_VPN,
  DEMO_PROMO_CLAIMS,
  DEMO_PROMO_CODES,
  DEMO_PURCHASES,
  DEMO_SPENDS,
  DEMO_VPN_TRIAL,
  type TDemoPurchase,
} from './demo-data.ts';
import { SUPER_ADMIN, type TSandboxPerson } from './sandbox-world.ts';

/** What one run added; a second run over the same database adds nothing. */
export interface TSeedSummary {
  models: number;
  accounts: number;
  payments: number;
  spends: number;
  promoCodes: number;
  promoClaims: number;
  adjustments: number;
  vpnTrials: number;
}

// Idempotency keys and provider ids of the demo: each step finds its own earlier result by them.
const KEY = 'sandbox-demo';
const providerPaymentId = (purchase: TDemoPurchase) => `${KEY}-${purchase.buyer.id}-${purchase.productId}`;

const identity = (person: TSandboxPerson) => ({
  id: BigInt(person.id),
  firstName: person.firstName,
  lastName: person.lastName ?? null,
  username: person.username,
  languageCode: person.language,
});

async function seedAccounts(db: PrismaClient): Promise<number> {
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    const referrer = account.referredBy
      ? await db.user.findUnique({
          where: { id: BigInt(account.referredBy.id) },
          select: { referralCode: true },
        })
      : null;
    const touched = await touchUser(db, identity(account.person), { referralCode: referrer?.referralCode });
    if (touched.created) created++;
    if (account.signedUp && !touched.user.signedUpAt)
      await completeSignup(db, { userId: touched.user.id, language: account.person.language });
  }
  return created;
}

/** A checkout confirmed as the provider's verified notification would confirm it: money, tokens, bonuses. */
async function seedPurchase(db: PrismaClient, purchase: TDemoPurchase): Promise<boolean> {
  const reference = providerPaymentId(purchase);
  const done = await db.payment.findUnique({
    where: { provider_providerPaymentId: { provider: purchase.provider, providerPaymentId: reference } },
  });
  if (done) return false;
  const userId = BigInt(purchase.buyer.id);
  // A run that died between checkout and confirmation left its checkout pending: finish that one.
  const payment =
    (await db.payment.findFirst({
      where: { userId, productId: purchase.productId, provider: purchase.provider, status: 'pending' },
    })) ?? (await startCheckout(db, { userId, productId: purchase.productId, provider: purchase.provider }));
  await confirmPayment(db, {
    paymentId: payment.id,
    provider: purchase.provider,
    providerPaymentId: reference,
    amount: payment.amount,
    currency: payment.currency,
    raw: { source: 'sandbox demo data' },
  });
  return true;
}

async function seedSpends(db: PrismaClient): Promise<number> {
  let posted = 0;
  for (const [index, spend] of DEMO_SPENDS.entries()) {
    const model = findCatalogModel(spend.modelId);
    if (!model) throw new Error(`demo spend on ${spend.modelId}, which the model catalog does not have`);
    const result = await spendTokens(db, {
      key: `${KEY}:spend:${index}`,
      userId: BigInt(spend.user.id),
      amount: model.tokenPrice,
      reason: `ai:${model.id}`,
      metadata: { modelId: model.id, demo: true },
    });
    if (!result.duplicate) posted++;
  }
  return posted;
}

async function seedPromoCodes(db: PrismaClient, staff: TStaff): Promise<number> {
  let created = 0;
  for (const promo of DEMO_PROMO_CODES) {
    const code = normalizePromoCode(promo.code);
    if (!code || (await db.promoCode.findUnique({ where: { code } }))) continue;
    await createPromoCode(db, { staff, promo });
    created++;
  }
  return created;
}

async function seedPromoClaims(db: PrismaClient): Promise<number> {
  let claimed = 0;
  for (const claim of DEMO_PROMO_CLAIMS) {
    const userId = BigInt(claim.user.id);
    const used = await db.promoRedemption.count({ where: { userId, promoCode: { code: claim.code } } });
    if (used > 0) continue;
    await claimPromoCode(db, { userId, code: claim.code });
    claimed++;
  }
  return claimed;
}

async function seedAdjustments(db: PrismaClient, staff: TStaff): Promise<number> {
  let posted = 0;
  for (const [index, adjustment] of DEMO_ADJUSTMENTS.entries()) {
    const result = await adjustBalance(db, {
      staff,
      userId: BigInt(adjustment.user.id),
      asset: 'TOKEN',
      amount: adjustment.amount,
      reason: adjustment.reason,
      key: `${KEY}:adjust:${index}`,
    });
    if (!result.duplicate) posted++;
  }
  return posted;
}

/** A plan that ran out some days ago, for the "expired" screens: the purchase's period moved back. */
async function endVpnPlan(db: PrismaClient, userId: bigint, daysAgo: number): Promise<void> {
  const endedAt = new Date(Date.now() - daysAgo * 86_400_000);
  const period = await db.vpnPeriod.findFirstOrThrow({ where: { userId, source: 'paid' } });
  const shift = period.endsAt.getTime() - endedAt.getTime();
  await db.vpnPeriod.update({
    where: { id: period.id },
    data: { startsAt: new Date(period.startsAt.getTime() - shift), endsAt: endedAt },
  });
  await db.vpnSubscription.update({
    where: { userId },
    data: { expiresAt: endedAt, version: { increment: 1 } },
  });
}

async function seedVpnTrial(db: PrismaClient): Promise<number> {
  try {
    await activateTrial(db, { userId: BigInt(DEMO_VPN_TRIAL.id) });
    return 1;
  } catch (error) {
    if (isAppError(error, 'VPN_TRIAL_USED')) return 0;
    throw error;
  }
}

/**
 * The demo database, through the same services the bots and the Mini App call (no balance is written by
 * hand: every token moves through the ledger). Idempotent: each step recognises what an earlier run did,
 * so it runs on every `npm run sandbox` and after `prisma db seed`.
 */
export async function seedDemo(db: PrismaClient): Promise<TSeedSummary> {
  const { inserted: models } = await syncModelCatalog(db);
  const accounts = await seedAccounts(db);
  await bootstrapSuperAdmins(db, [BigInt(SUPER_ADMIN.id)]);
  const staff = await findStaff(db, BigInt(SUPER_ADMIN.id));
  if (!staff) throw new Error('the sandbox super admin has no role after bootstrapSuperAdmins');
  let payments = 0;
  for (const purchase of DEMO_PURCHASES)
    if (await seedPurchase(db, purchase)) {
      payments++;
      if (purchase.buyer === DEMO_EXPIRED_VPN.buyer && purchase.productId === DEMO_EXPIRED_VPN.productId)
        await endVpnPlan(db, BigInt(purchase.buyer.id), DEMO_EXPIRED_VPN.endedDaysAgo);
    }
  const vpnTrials = await seedVpnTrial(db);
  const spends = await seedSpends(db);
  const promoCodes = await seedPromoCodes(db, staff);
  const promoClaims = await seedPromoClaims(db);
  const adjustments = await seedAdjustments(db, staff);
  return { models, accounts, payments, spends, promoCodes, promoClaims, adjustments, vpnTrials };
}
