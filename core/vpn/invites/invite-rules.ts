import { assertCan, type TStaff } from '#core/accounts/staff.ts';
import { recordAudit } from '#core/audit/record-audit.ts';
import type { PrismaClient, VpnInviteRule } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { PAID_TIERS, type TPaidTier } from '../plans.ts';

/** Editing the rules gives days away, like a balance credit: the same permission as the admin's free days. */
export const INVITE_RULES_PERMISSION = 'money.adjust';

/** Bounds an admin's buttons cannot leave: more is a slip of the finger, not a policy. */
export const RULE_BOUNDS = { invites: { min: 0, max: 20 }, friendDays: { min: 1, max: 90 } } as const;
export type TRuleField = keyof typeof RULE_BOUNDS;

const DAY_MS = 86_400_000;

export type TRulesView = {
  rules: VpnInviteRule[];
  /** The promotion running now, if any. */
  promotion: { multiplier: number; endsAt: Date } | null;
};

/** The rules in tier order (basic → cyber) and the promotion running at `now`. */
export async function inviteRulesView(db: PrismaClient, now = new Date()): Promise<TRulesView> {
  const [rows, promotion] = await Promise.all([db.vpnInviteRule.findMany(), promotionAt(db, now)]);
  const order = (tier: string) => PAID_TIERS.indexOf(tier as TPaidTier);
  return { rules: rows.sort((a, b) => order(a.tier) - order(b.tier)), promotion };
}

/** The promotion whose window holds `at` (the largest, should two overlap); null without one. */
export async function promotionAt(
  db: Pick<PrismaClient, 'vpnInvitePromotion'>,
  at: Date,
): Promise<{ multiplier: number; endsAt: Date } | null> {
  const row = await db.vpnInvitePromotion.findFirst({
    where: { startsAt: { lte: at }, endsAt: { gt: at } },
    orderBy: { multiplier: 'desc' },
  });
  return row ? { multiplier: row.multiplier, endsAt: row.endsAt } : null;
}

/** An admin's step on (or new value of) one number of a tier's rule, kept within RULE_BOUNDS and audited. */
export async function changeInviteRule(
  db: PrismaClient,
  input: { staff: TStaff; tier: TPaidTier; field: TRuleField } & ({ delta: number } | { value: number }),
): Promise<VpnInviteRule> {
  assertCan(input.staff, INVITE_RULES_PERMISSION);
  return db.$transaction(async (tx) => {
    // Two admins pressing at once each step from the other's result.
    await tx.$executeRaw`SELECT 1 FROM vpn_invite_rules WHERE tier = ${input.tier} FOR UPDATE`;
    const before = await tx.vpnInviteRule.findUnique({ where: { tier: input.tier } });
    if (!before) throw new AppError('INVALID_INPUT', { field: 'tier' });
    const bounds = RULE_BOUNDS[input.field];
    const wanted = 'delta' in input ? before[input.field] + input.delta : input.value;
    if (!Number.isInteger(wanted)) throw new AppError('INVALID_INPUT', { field: input.field });
    const value = Math.min(bounds.max, Math.max(bounds.min, wanted));
    const after = await tx.vpnInviteRule.update({
      where: { tier: input.tier },
      data: { [input.field]: value, updatedById: input.staff.id },
    });
    await recordAudit(tx, {
      actorId: input.staff.id,
      action: 'vpn.invite_rule',
      before: { tier: input.tier, [input.field]: before[input.field] },
      after: { tier: input.tier, [input.field]: value },
    });
    return after;
  });
}

/**
 * Starts a promotion now (the codes of periods paid while it runs are multiplied), ending any running one,
 * or stops the running one (`days: 0`). Audited.
 */
export async function setInvitePromotion(
  db: PrismaClient,
  input: { staff: TStaff; multiplier: number; days: number; now?: Date },
): Promise<void> {
  assertCan(input.staff, INVITE_RULES_PERMISSION);
  if (!Number.isInteger(input.days) || input.days < 0 || input.days > 365)
    throw new AppError('INVALID_INPUT', { field: 'days' });
  if (!Number.isInteger(input.multiplier) || input.multiplier < 1 || input.multiplier > 10)
    throw new AppError('INVALID_INPUT', { field: 'multiplier' });
  const now = input.now ?? new Date();
  await db.$transaction(async (tx) => {
    const stopped = await tx.vpnInvitePromotion.updateMany({
      where: { startsAt: { lte: now }, endsAt: { gt: now } },
      data: { endsAt: now },
    });
    if (input.days > 0)
      await tx.vpnInvitePromotion.create({
        data: {
          multiplier: input.multiplier,
          startsAt: now,
          endsAt: new Date(now.getTime() + input.days * DAY_MS),
          createdById: input.staff.id,
        },
      });
    await recordAudit(tx, {
      actorId: input.staff.id,
      action: input.days > 0 ? 'vpn.invite_promotion_start' : 'vpn.invite_promotion_stop',
      before: { running: stopped.count },
      after: { multiplier: input.multiplier, days: input.days },
    });
  });
}
