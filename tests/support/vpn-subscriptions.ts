import type { PrismaClient } from '#core/db/generated/client.ts';
import { GB } from '#core/vpn/plans.ts';

export type TSeedSubscription = {
  userId: bigint;
  expiresAt: Date;
  tier?: string;
  /** GB of the plan's traffic; 0 = unlimited. */
  trafficGb?: number;
  /** Default NO_RESET: tests are not to depend on the day of the month they run on. */
  trafficStrategy?: string;
  panelUserId?: number | null;
  language?: 'en' | 'ru';
};

/**
 * Users with a VPN subscription each, written set-wise (10,000 rows a statement) so tests and the bench can
 * have thousands. Only what the notices read is set; the rest takes the schema's defaults.
 */
export async function seedVpnSubscriptions(db: PrismaClient, subs: readonly TSeedSubscription[]) {
  for (let i = 0; i < subs.length; i += 10_000) {
    const chunk = subs.slice(i, i + 10_000);
    const ids = chunk.map((s) => s.userId);
    const languages = chunk.map((s) => s.language ?? 'en');
    const expires = chunk.map((s) => s.expiresAt.toISOString());
    const tiers = chunk.map((s) => s.tier ?? 'basic');
    const limits = chunk.map((s) => BigInt(s.trafficGb ?? 100) * GB);
    const strategies = chunk.map((s) => s.trafficStrategy ?? 'NO_RESET');
    const panelIds = chunk.map((s) => s.panelUserId ?? null);
    await db.$executeRaw`
      INSERT INTO users (id, first_name, language, referral_code, updated_at)
      SELECT v.id, 'Vpn ' || v.id, v.lang::"Language", 'vpn' || v.id, now()
      FROM unnest(${ids}::bigint[], ${languages}::text[]) AS v(id, lang)`;
    await db.$executeRaw`
      INSERT INTO vpn_subscriptions (user_id, tier, expires_at, traffic_limit_bytes, traffic_strategy,
        device_limit, squads, panel_user_id, updated_at)
      SELECT v.id, v.tier, (v.expires::timestamptz AT TIME ZONE 'UTC'), v.lim, v.strategy, 2, ARRAY['standard'],
        v.panel, now()
      FROM unnest(${ids}::bigint[], ${tiers}::text[], ${expires}::text[], ${limits}::bigint[],
        ${strategies}::text[], ${panelIds}::int[]) AS v(id, tier, expires, lim, strategy, panel)`;
  }
}
