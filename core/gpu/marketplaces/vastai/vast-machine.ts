import { z } from 'zod';
import type { THostMachine, TMachineRentalState } from '../marketplace.ts';
import { dollarsToCents } from './vast-dollars.ts';

/**
 * One machine of `GET /api/v0/machines?owner=me` (facts sheet §3; names as prometheus-vastai reads them).
 * Only what the sync uses is parsed; the rest of the object is ignored. Vast.ai sends null for many fields of a
 * machine that has never been listed, so only the identity, GPU count and listed flag are required.
 */
export const ZVastMachineSchema = z.object({
  id: z.number().int().nonnegative(),
  hostname: z.string().nullish(),
  num_gpus: z.number().int().nonnegative(),
  gpu_name: z.string().nullish(),
  listed: z.boolean(),
  /** $ per GPU-hour, on demand. */
  listed_gpu_cost: z.number().finite().nullish(),
  /** $ per GPU-hour, interruptible floor. */
  min_bid_price: z.number().finite().nullish(),
  /** Unix seconds (a float): when the offer ends. */
  end_date: z.number().finite().nullish(),
  /** One glyph per GPU: `D` on demand, `I` interruptible, `R` reserved; the idle glyph is not known. */
  gpu_occupancy: z.string().nullish(),
  current_rentals_resident: z.number().int().nonnegative().nullish(),
  current_rentals_running: z.number().int().nonnegative().nullish(),
  current_rentals_running_on_demand: z.number().int().nonnegative().nullish(),
  reliability2: z.number().finite().nullish(),
  verification: z.string().nullish(),
});
export type TVastMachine = z.infer<typeof ZVastMachineSchema>;

export const ZVastMachinesAnswerSchema = z.object({ machines: z.array(ZVastMachineSchema) });
/** `GET /api/v0/machines/{id}` answers a bare list of (at most) one machine. */
export const ZVastOneMachineAnswerSchema = z.array(ZVastMachineSchema).max(1);

function gpusInUse(occupancy: string | null | undefined): THostMachine['gpusInUse'] {
  const glyphs = (occupancy ?? '').split(/\s+/).filter(Boolean);
  const count = (glyph: string) => glyphs.filter((g) => g === glyph).length;
  return { onDemand: count('D'), interruptible: count('I'), reserved: count('R') };
}

function rentalState(total: number, running: number): TMachineRentalState {
  if (running > 0) return 'rented';
  // current_rentals_resident counts every contract; one that holds the machine without running is a stopped one.
  return total > 0 ? 'reserved' : 'idle';
}

export function hostMachineOf(machine: TVastMachine): THostMachine {
  const total = machine.current_rentals_resident ?? 0;
  const running = machine.current_rentals_running ?? 0;
  return {
    machineId: String(machine.id),
    hostname: machine.hostname ?? null,
    gpuModel: machine.gpu_name ?? null,
    gpuCount: machine.num_gpus,
    listed: machine.listed,
    listedPricePerGpuHourCents:
      machine.listed_gpu_cost == null ? null : dollarsToCents(machine.listed_gpu_cost),
    minBidPerGpuHourCents: machine.min_bid_price == null ? null : dollarsToCents(machine.min_bid_price),
    // 0 is what an unset end date looks like in a float column.
    offerEndsAt: machine.end_date ? new Date(Math.round(machine.end_date * 1000)) : null,
    rentalState: rentalState(total, running),
    rentals: { total, running, runningOnDemand: machine.current_rentals_running_on_demand ?? 0 },
    gpusInUse: gpusInUse(machine.gpu_occupancy),
    reliability: machine.reliability2 ?? null,
    verification: machine.verification ?? null,
  };
}
