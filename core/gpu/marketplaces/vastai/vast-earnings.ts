import { z } from 'zod';
import type { TMachineDayEarnings, TUtcDay } from '../marketplace.ts';
import { dollarsToScaled, EXACT_SCALE, rescale } from './vast-dollars.ts';

const MS_PER_DAY = 86_400_000;
const UTC_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Dollars per part; absent or null parts earned nothing. */
const ZParts = {
  gpu_earn: z.number().finite().nullish(),
  sto_earn: z.number().finite().nullish(),
  bwu_earn: z.number().finite().nullish(),
  bwd_earn: z.number().finite().nullish(),
};

/**
 * `GET /api/v0/users/me/machine-earnings` (docs: billing/show-earnings). The answer also carries the account's
 * name, email and address: they are not parsed, so they go nowhere.
 */
export const ZVastEarningsAnswerSchema = z.object({
  per_machine: z.array(z.object({ machine_id: z.number().int(), ...ZParts })),
  /** `day`: days since the Unix epoch, as `sday`/`eday` are; a fraction would be a time within that day. */
  per_day: z.array(z.object({ day: z.number().finite(), ...ZParts })),
});
export type TVastEarningsAnswer = z.infer<typeof ZVastEarningsAnswerSchema>;

/** `2026-12-08` → days since 1970-01-01 (an integer); throws on anything that is not a real UTC day. */
export function dayNumberOf(day: TUtcDay): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (!UTC_DAY.test(day) || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day)
    throw new RangeError(`not a UTC day: ${day}`);
  return ms / MS_PER_DAY;
}

/** Days since the epoch (a fraction is a time within the day, so it is floored) → `YYYY-MM-DD`. */
export function utcDayOf(dayNumber: number): TUtcDay {
  return new Date(Math.floor(dayNumber) * MS_PER_DAY).toISOString().slice(0, 10);
}

type TParts = { [K in keyof typeof ZParts]?: number | null };
const exact = (dollars: number | null | undefined) => (dollars ? dollarsToScaled(dollars, EXACT_SCALE) : 0n);

/**
 * The answer's days for one machine, in cents. Each part is read as an exact decimal; the day's total is their
 * exact sum rounded once to a cent, half away from zero: a machine-day is one accrual, so it is off by at most
 * half a cent, and the same answer always gives the same cents however often the sync reads it. Rows that
 * fall on one UTC day are added together; days outside [fromDay, toDay] and days that earned nothing are left out.
 */
export function machineDaysOf(
  machineId: string,
  answer: TVastEarningsAnswer,
  window: { fromDay: number; toDay: number },
): TMachineDayEarnings[] {
  const byDay = new Map<number, { gpu: bigint; storage: bigint; upload: bigint; download: bigint }>();
  for (const row of answer.per_day) {
    const day = Math.floor(row.day);
    if (day < window.fromDay || day > window.toDay) continue;
    const sum = byDay.get(day) ?? { gpu: 0n, storage: 0n, upload: 0n, download: 0n };
    const parts: TParts = row;
    sum.gpu += exact(parts.gpu_earn);
    sum.storage += exact(parts.sto_earn);
    sum.upload += exact(parts.bwu_earn);
    sum.download += exact(parts.bwd_earn);
    byDay.set(day, sum);
  }
  const cents = (amount: bigint) => rescale(amount, EXACT_SCALE, 2);
  return [...byDay.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, sum]) => ({
      machineId,
      day: utcDayOf(day),
      totalCents: cents(sum.gpu + sum.storage + sum.upload + sum.download),
      parts: {
        gpuCents: cents(sum.gpu),
        storageCents: cents(sum.storage),
        uploadCents: cents(sum.upload),
        downloadCents: cents(sum.download),
      },
    }))
    .filter((entry) => entry.totalCents !== 0n || Object.values(entry.parts).some((part) => part !== 0n));
}
