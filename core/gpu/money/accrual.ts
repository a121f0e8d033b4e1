import { assertCommissionBps, commissionRoundedUp, type TCommissionMode } from './pricing.ts';

/**
 * One machine-day of marketplace earnings split between the owner and the platform. The sync job may pull
 * the same day many times; the idempotency key makes the ledger post it once.
 */
export interface TMachineDayEarnings {
  marketplace: string;
  machineId: string;
  /** UTC calendar day, YYYY-MM-DD (the marketplace reports whole days). */
  day: string;
  /** What the marketplace paid for that machine that day, integer minor units (cents). */
  earnings: bigint;
}

export interface TAccrual {
  idempotencyKey: string;
  ownerEarning: bigint;
  platformCommission: bigint;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function accrualKey(marketplace: string, machineId: string, day: string): string {
  if (!/^[a-z0-9-]+$/.test(marketplace)) throw new RangeError(`marketplace "${marketplace}" is not a slug`);
  // A colon in the id would make two different machine-days collide on one key.
  if (machineId.length === 0 || machineId.includes(':')) throw new RangeError(`machine id "${machineId}"`);
  // Date.parse rolls 2026-02-31 over to March; only a day that survives the round trip is a real one.
  const parsed = Date.parse(`${day}T00:00:00Z`);
  if (!DAY.test(day) || Number.isNaN(parsed) || new Date(parsed).toISOString().slice(0, 10) !== day)
    throw new RangeError(`day "${day}"`);
  return `gpu:${marketplace}:${machineId}:${day}`;
}

/**
 * Splits the earnings; `commissionBps` is the provider's override or the default. The two parts always sum
 * exactly to the earnings. Remainder rule: the platform's part is rounded UP to the whole minor unit and
 * the owner gets the rest, so an owner is never credited more than their exact share.
 * - taken_from: the buyer paid the owner's price, platform = ⌈earnings × bps / 10 000⌉.
 * - on_top: the buyer paid price × (1 + c), so the owner's exact share is earnings / (1 + c); owner =
 *   ⌊earnings × 10 000 / (10 000 + bps)⌋, platform = the rest.
 * Zero earnings give no accrual (null): nothing to post. Negative earnings (a marketplace correction) are
 * refused here; they need a reversal, not a split.
 */
export function accrueMachineDay(
  input: TMachineDayEarnings,
  mode: TCommissionMode,
  commissionBps: number,
): TAccrual | null {
  assertCommissionBps(commissionBps);
  const idempotencyKey = accrualKey(input.marketplace, input.machineId, input.day);
  if (input.earnings < 0n) throw new RangeError(`negative earnings for ${idempotencyKey}`);
  if (input.earnings === 0n) return null;
  const ownerEarning =
    mode === 'taken_from'
      ? input.earnings - commissionRoundedUp(input.earnings, commissionBps)
      : (input.earnings * 10_000n) / (10_000n + BigInt(commissionBps));
  return { idempotencyKey, ownerEarning, platformCommission: input.earnings - ownerEarning };
}
