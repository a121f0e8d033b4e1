import { z } from 'zod';
import type {
  THostMachine,
  TListMachineInput,
  TListMachineResult,
  TMachineDayEarnings,
  TMachineEarningsQuery,
  TMarketplace,
} from '../marketplace.ts';
import type { TVastConfig } from './vast-config.ts';
import { centsToDollars } from './vast-dollars.ts';
import { dayNumberOf, machineDaysOf, ZVastEarningsAnswerSchema } from './vast-earnings.ts';
import { isVastError, VastError } from './vast-error.ts';
import { hostMachineOf, ZVastMachinesAnswerSchema, ZVastOneMachineAnswerSchema } from './vast-machine.ts';
import { createVastTransport } from './vast-transport.ts';

const ZListAnswerSchema = z.object({
  success: z.literal(true),
  extended: z.number().int().nonnegative().nullish(),
});
const ZUnlistAnswerSchema = z.object({ success: z.literal(true) });
const ZMinBidAnswerSchema = z.object({ success: z.literal(true) });

/** CLI defaults (facts sheet §2) for the offer's parts Polygram does not set: storage $/GB/month, prepay discount. */
const DEFAULT_PRICE_DISK = 0.1;
const DEFAULT_CREDIT_DISCOUNT_MAX = 0.4;

/** Vast.ai machine ids are integers; anything else would reach a route meant for another id. */
function vastMachineId(route: string, machineId: string): number {
  if (!/^\d{1,15}$/.test(machineId))
    throw new VastError({ kind: 'invalid', route, message: `not a Vast.ai machine id: ${machineId}` });
  return Number(machineId);
}

function dollarsOf(route: string, what: string, cents: bigint): number {
  if (cents < 0n) throw new VastError({ kind: 'invalid', route, message: `${what} below zero` });
  return centsToDollars(cents);
}

export function createVastMarketplace(config: TVastConfig): TMarketplace {
  const send = createVastTransport(config);

  async function listMachine(input: TListMachineInput): Promise<TListMachineResult> {
    const route = '/api/v0/machines/create_asks/';
    const machine = vastMachineId(`PUT ${route}`, input.machineId);
    // Vast.ai answers 400 "Invalid machine id or min_chunk" to anything but an integer.
    if (!Number.isInteger(input.minGpusPerRental) || input.minGpusPerRental < 1)
      throw new VastError({
        kind: 'invalid',
        route: `PUT ${route}`,
        message: 'min chunk must be an integer ≥ 1',
      });
    const priceGpu = dollarsOf(`PUT ${route}`, 'price', input.pricePerGpuHourCents);
    const answer = await send({
      method: 'PUT',
      route,
      path: route,
      body: {
        machine,
        price_gpu: priceGpu,
        price_disk: DEFAULT_PRICE_DISK,
        price_inetu: null,
        price_inetd: null,
        price_min_bid:
          input.minBidPerGpuHourCents === undefined
            ? null
            : dollarsOf(`PUT ${route}`, 'min bid', input.minBidPerGpuHourCents),
        min_chunk: input.minGpusPerRental,
        end_date: input.offerEndsAt.getTime() / 1000,
        credit_discount_max: DEFAULT_CREDIT_DISCOUNT_MAX,
        // `duration` rolls the end date forward daily and excludes `end_date`: Polygram sets the end itself.
        duration: null,
        vol_size: null,
        vol_price: null,
      },
      schema: ZListAnswerSchema,
      // The offer is set to these values, not added to: a second send leaves the same offer.
      repeatable: true,
    });
    return { rentalsExtended: answer.extended ?? 0 };
  }

  async function unlistMachine(machineId: string): Promise<void> {
    const route = '/api/v0/machines/{id}/asks/';
    const id = vastMachineId(`DELETE ${route}`, machineId);
    await send({
      method: 'DELETE',
      route,
      path: `/api/v0/machines/${id}/asks/`,
      schema: ZUnlistAnswerSchema,
      // Removing the offer of an unlisted machine leaves it unlisted.
      repeatable: true,
    });
  }

  async function setMinBid(machineId: string, pricePerGpuHourCents: bigint): Promise<void> {
    const route = '/api/v0/machines/{id}/minbid/';
    const id = vastMachineId(`PUT ${route}`, machineId);
    await send({
      method: 'PUT',
      route,
      path: `/api/v0/machines/${id}/minbid/`,
      body: { client_id: 'me', price: dollarsOf(`PUT ${route}`, 'min bid', pricePerGpuHourCents) },
      schema: ZMinBidAnswerSchema,
      // Sets the floor to a value; a second send sets the same value.
      repeatable: true,
    });
  }

  async function hostMachines(): Promise<THostMachine[]> {
    const answer = await send({
      method: 'GET',
      route: '/api/v0/machines',
      path: '/api/v0/machines',
      query: { owner: 'me' },
      schema: ZVastMachinesAnswerSchema,
      // A read.
      repeatable: true,
    });
    return answer.machines.map(hostMachineOf);
  }

  async function hostMachine(machineId: string): Promise<THostMachine | null> {
    const route = '/api/v0/machines/{id}';
    const id = vastMachineId(`GET ${route}`, machineId);
    try {
      const [machine] = await send({
        method: 'GET',
        route,
        path: `/api/v0/machines/${id}`,
        query: { owner: 'me' },
        schema: ZVastOneMachineAnswerSchema,
        // A read.
        repeatable: true,
      });
      if (machine === undefined) return null;
      if (machine.id !== id)
        throw new VastError({
          kind: 'bad_response',
          route: `GET ${route}`,
          message: `answered machine ${machine.id}`,
        });
      return hostMachineOf(machine);
    } catch (error) {
      if (isVastError(error, 'not_found')) return null;
      throw error;
    }
  }

  async function machineEarnings(query: TMachineEarningsQuery): Promise<TMachineDayEarnings[]> {
    const route = '/api/v0/users/me/machine-earnings';
    const id = vastMachineId(`GET ${route}`, query.machineId);
    const window = { fromDay: dayNumberOf(query.fromDay), toDay: dayNumberOf(query.toDay) };
    if (window.fromDay > window.toDay)
      throw new VastError({ kind: 'invalid', route: `GET ${route}`, message: 'fromDay after toDay' });
    const answer = await send({
      method: 'GET',
      route,
      path: route,
      // Whole day numbers (facts sheet §6): the server counts whole UTC days, sday == eday is one day.
      query: { owner: 'me', sday: window.fromDay, eday: window.toDay, machid: id },
      schema: ZVastEarningsAnswerSchema,
      // A read.
      repeatable: true,
    });
    // per_day sums every machine the filter let through: another machine there would be accrued to this one.
    const stranger = answer.per_machine.find((row) => row.machine_id !== id);
    if (stranger)
      throw new VastError({
        kind: 'bad_response',
        route: `GET ${route}`,
        message: `asked for machine ${id}, got earnings of machine ${stranger.machine_id}`,
      });
    return machineDaysOf(String(id), answer, window);
  }

  return { id: 'vastai', listMachine, unlistMachine, setMinBid, hostMachines, hostMachine, machineEarnings };
}
