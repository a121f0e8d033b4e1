import type { VpnSubscription } from '#core/db/generated/client.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { announcePayment } from '#core/payments/announce-payment.ts';
import { payFromWallet } from '#core/payments/wallet/pay-from-wallet.ts';
import { walletBalance } from '#core/payments/wallet/wallet-balance.ts';
import { claimNotice, sendAutoRenewNotice, type TAutoRenewDeps } from './auto-renew-notice.ts';
import { autoRenewProduct } from './auto-renew-product.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Charged this close to expiry: the job runs every few minutes, so a subscription never lapses for long. */
export const CHARGE_AHEAD_MS = 10 * MINUTE_MS;
/** A period left unpaid (no funds) is tried again on every run this long after it ended, then left. */
export const RETRY_AFTER_EXPIRY_MS = 3 * DAY_MS;
const BATCH = 200;

export interface TAutoRenewRun {
  reminded: number;
  renewed: number;
  noFunds: number;
  /** Subscriptions whose renewal failed for another reason (logged by the job, tried again next run). */
  failed: { userId: bigint; error: string }[];
}

/** The idempotency key of one period's renewal: one charge per user and expiry, however many runs. */
export const autoRenewKey = (userId: bigint, expiresAt: Date) =>
  `vpn-autorenew:${userId}:${expiresAt.toISOString()}`;

/**
 * One pass of VPN auto-renewal from the wallet, for subscriptions with auto_renew on:
 * - 3 days and 1 day before expiry, a reminder (what will be charged, or how much to top up), once each per
 *   period (vpn_notices);
 * - from CHARGE_AHEAD_MS before expiry, the plan paid from the wallet under a key of the period, so running
 *   twice or on two workers charges once; without funds, one notice per period with the way to pay, and
 *   no charge (tried again next run, in case the user tops up).
 */
export async function runAutoRenew(deps: TAutoRenewDeps, opts: { now?: Date } = {}): Promise<TAutoRenewRun> {
  const now = opts.now ?? new Date();
  const run: TAutoRenewRun = { reminded: 0, renewed: 0, noFunds: 0, failed: [] };
  const due = await deps.db.vpnSubscription.findMany({
    where: {
      autoRenew: true,
      disabledAt: null,
      expiresAt: {
        gt: new Date(now.getTime() - RETRY_AFTER_EXPIRY_MS),
        lte: new Date(now.getTime() + 3 * DAY_MS),
      },
    },
    orderBy: { expiresAt: 'asc' },
    take: BATCH,
  });
  for (const sub of due) {
    try {
      if (sub.expiresAt.getTime() - now.getTime() > CHARGE_AHEAD_MS) await remind(deps, sub, now, run);
      else await renew(deps, sub, now, run);
    } catch (error) {
      run.failed.push({ userId: sub.userId, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return run;
}

async function remind(deps: TAutoRenewDeps, sub: VpnSubscription, now: Date, run: TAutoRenewRun) {
  const product = autoRenewProduct(sub);
  if (!product?.prices.RUB) return;
  // A run that starts late (within a day) sends only the 1-day reminder: two at once would say one thing.
  const kind = sub.expiresAt.getTime() - now.getTime() <= DAY_MS ? 'autorenew_1d' : 'autorenew_3d';
  if (!(await claimNotice(deps.db, { userId: sub.userId, kind, period: sub.expiresAt }))) return;
  const covered = (await walletBalance(deps.db, sub.userId)) >= product.prices.RUB;
  await sendAutoRenewNotice(deps, {
    userId: sub.userId,
    key: covered ? 'vpn-autorenew-soon' : 'vpn-autorenew-soon-short',
    product: { titleKey: product.titleKey, rub: product.prices.RUB },
    expiresAt: sub.expiresAt,
    dedupeKey: `vpn-${kind}-${sub.userId}-${sub.expiresAt.getTime()}`,
    now,
  });
  run.reminded++;
}

async function renew(deps: TAutoRenewDeps, sub: VpnSubscription, now: Date, run: TAutoRenewRun) {
  const product = autoRenewProduct(sub);
  if (!product?.prices.RUB) return;
  const notice = { titleKey: product.titleKey, rub: product.prices.RUB };
  try {
    const paid = await payFromWallet(deps.db, {
      userId: sub.userId,
      productId: product.id,
      key: autoRenewKey(sub.userId, sub.expiresAt),
      now,
    });
    if (paid.duplicate) return;
    await sendAutoRenewNotice(deps, {
      userId: sub.userId,
      key: 'vpn-autorenew-done',
      product: notice,
      expiresAt: sub.expiresAt,
      dedupeKey: `vpn-autorenew-done-${paid.payment.id}`,
      now,
    });
    // The buyer has their own message above; the referrer hears of a bonus as after any payment.
    await announcePayment(deps, paid, { toBuyer: false });
    run.renewed++;
  } catch (error) {
    if (!isAppError(error, 'WALLET_INSUFFICIENT')) throw error;
    if (await claimNotice(deps.db, { userId: sub.userId, kind: 'autorenew_no_funds', period: sub.expiresAt }))
      await sendAutoRenewNotice(deps, {
        userId: sub.userId,
        key: 'vpn-autorenew-no-funds',
        product: notice,
        expiresAt: sub.expiresAt,
        dedupeKey: `vpn-autorenew-no-funds-${sub.userId}-${sub.expiresAt.getTime()}`,
        now,
      });
    run.noFunds++;
  }
}
