const DAY_MS = 86_400_000;

export const LOYALTY_LEVELS = ['bronze', 'silver', 'gold', 'platinum'] as const;
export type TLoyaltyLevel = (typeof LOYALTY_LEVELS)[number];

/** A paid month, for counting: 30 days, the shortest plan. */
const MONTH_DAYS = 30;

/**
 * Spec 001 §14.2: the months of continuous paid subscription a level needs and its bonus days, given once
 * when the level is first reached. Bronze comes with the first paid month.
 */
export const LOYALTY_RULES: Record<TLoyaltyLevel, { months: number; bonusDays: number }> = {
  bronze: { months: 0, bonusDays: 0 },
  silver: { months: 3, bonusDays: 3 },
  gold: { months: 6, bonusDays: 7 },
  platinum: { months: 12, bonusDays: 14 },
};

/** A lapse up to this long keeps the level; a longer one starts the count again. */
export const LOYALTY_GRACE_DAYS = 14;
/** The warning that the level is about to be lost comes this long before the grace ends. */
export const GRACE_WARNING_DAYS = 3;

/** Sources whose days are paid for; the others (bonuses, admin grants) keep a run continuous but do not count. */
export const LOYALTY_PAID_SOURCES = ['paid', 'wallet'] as const;

export type TLoyaltyPeriod = { source: string; days: number; startsAt: Date; endsAt: Date };

export type TLoyaltyState = {
  level: TLoyaltyLevel | null;
  /** Paid days counted in the current run. */
  paidDays: number;
  /** The end of the current run's access, and when its grace ends (null without a run). */
  coveredUntil: Date | null;
  graceEndsAt: Date | null;
  /** Lapsed, with the grace ending within GRACE_WARNING_DAYS: the level is about to be lost. */
  graceEnding: boolean;
  /** The level the last run had, when its grace ended less than LOST_NOTICE_DAYS ago (for the notice). */
  lost: { level: TLoyaltyLevel; coveredUntil: Date } | null;
};

/** A level lost longer ago than this is old news: no notice (a worker that was off for a week says nothing). */
export const LOST_NOTICE_DAYS = 2;

const isPaid = (source: string) => (LOYALTY_PAID_SOURCES as readonly string[]).includes(source);

/**
 * The loyalty level at `now` from a user's VPN periods (not refunded; the trial left out). Periods that
 * started join into runs wherever the gap between one's access and the next's start is at most the grace;
 * the current run is the last one, unless its grace is over. Its paid days count from the start of each
 * paid period: a plan bought for six months counts six months once it starts (the spec's faster growth for
 * long subscriptions), a renewal paid ahead counts when it begins.
 */
export function loyaltyState(periods: readonly TLoyaltyPeriod[], now: Date): TLoyaltyState {
  const started = periods.filter((p) => p.startsAt <= now).sort((a, b) => +a.startsAt - +b.startsAt);
  const grace = LOYALTY_GRACE_DAYS * DAY_MS;
  let run: { end: Date; paidDays: number; paid: boolean } | null = null;
  for (const p of started) {
    if (!run || p.startsAt.getTime() > run.end.getTime() + grace)
      run = { end: p.endsAt, paidDays: 0, paid: false };
    if (p.endsAt > run.end) run.end = p.endsAt;
    if (isPaid(p.source)) {
      run.paidDays += p.days;
      run.paid = true;
    }
  }
  const none = {
    level: null,
    paidDays: 0,
    coveredUntil: null,
    graceEndsAt: null,
    graceEnding: false,
    lost: null,
  };
  if (!run?.paid) return none;
  const graceEndsAt = new Date(run.end.getTime() + grace);
  const months = run.paidDays / MONTH_DAYS;
  const level = [...LOYALTY_LEVELS].reverse().find((l) => months >= LOYALTY_RULES[l].months) ?? 'bronze';
  if (now >= graceEndsAt) {
    const recent = now.getTime() - graceEndsAt.getTime() < LOST_NOTICE_DAYS * DAY_MS;
    return { ...none, lost: recent ? { level, coveredUntil: run.end } : null };
  }
  return {
    lost: null,
    level,
    paidDays: run.paidDays,
    coveredUntil: run.end,
    graceEndsAt,
    graceEnding: now > run.end && graceEndsAt.getTime() - now.getTime() <= GRACE_WARNING_DAYS * DAY_MS,
  };
}

/** The levels up to and including `level`, lowest first. */
export const levelsUpTo = (level: TLoyaltyLevel | null): TLoyaltyLevel[] =>
  level ? LOYALTY_LEVELS.slice(0, LOYALTY_LEVELS.indexOf(level) + 1) : [];
