import type { PrismaClient } from '#core/db/generated/client.ts';
import type { TTx } from '#core/ledger/ledger-accounts.ts';

/**
 * What a user's plan entitles them to in the AI studio, from their active entitlements:
 * - `free`: no active plan;
 * - `basic` / `premium`: the best tier among active plans; each plan's product says which tier it grants
 *   (core/ai/products.ts), and the entitlement keeps it from the payment's snapshot.
 * The unlimited day is separate from the tier: it lifts token charges on text models for its day.
 */
export type TAiTier = 'free' | 'basic' | 'premium';

export interface TAiPlan {
  tier: TAiTier;
  /** Any active subscription: subscribers keep the mini text model at zero balance. */
  subscriber: boolean;
  /** An active unlimited day: text models cost nothing until `unlimitedUntil`. */
  unlimitedUntil: Date | null;
}

export async function aiPlanOf(db: PrismaClient | TTx, userId: bigint, now = new Date()): Promise<TAiPlan> {
  const active = await db.entitlement.findMany({
    where: { userId, revokedAt: null, startsAt: { lte: now }, endsAt: { gt: now } },
    select: { kind: true, tier: true, endsAt: true },
  });
  const subscriptions = active.filter((e) => e.kind === 'ai_subscription');
  const unlimited = active.filter((e) => e.kind === 'ai_unlimited');
  const tier: TAiTier = subscriptions.some((e) => e.tier === 'premium')
    ? 'premium'
    : subscriptions.length > 0
      ? 'basic'
      : 'free';
  const unlimitedUntil = unlimited.reduce<Date | null>(
    (latest, e) => (latest === null || e.endsAt > latest ? e.endsAt : latest),
    null,
  );
  return { tier, subscriber: subscriptions.length > 0, unlimitedUntil };
}
