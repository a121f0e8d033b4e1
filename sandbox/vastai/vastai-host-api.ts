// The host routes of fact sheet §2 and §5: machines, listing / unlisting (create_asks, asks),
// min bid, default jobs, deletion, earnings and the current user.
import { z } from 'zod';
import { dayOf, microsToDollars } from './vastai-earnings.ts';
import { balanceMicros, earningsJson, machineJson } from './vastai-json.ts';
import { invalidArgs, ok, softFailure, type TReply } from './vastai-replies.ts';
import type { THost, TRequest, TRoute } from './vastai-routes.ts';

// The CLI sends every field, `null` for the prices the host did not set (its argparse defaults are None), so
// the backend takes null as "not set".
const ZCreateAsksSchema = z.object({
  machine: z.number().int(),
  price_gpu: z.number().nonnegative(),
  price_disk: z.number().nonnegative().nullable().optional(),
  price_inetu: z.number().nonnegative().nullable().optional(),
  price_inetd: z.number().nonnegative().nullable().optional(),
  price_min_bid: z.number().nonnegative().nullable().optional(),
  min_chunk: z.number().int().positive(),
  end_date: z.number().nullable().optional(),
  credit_discount_max: z.number().min(0).max(1).optional(),
  duration: z.union([z.string(), z.number()]).nullable().optional(),
  vol_size: z.number().nullable().optional(),
  vol_price: z.number().nullable().optional(),
});

const ZMinBidSchema = z.object({ client_id: z.string().optional(), price: z.number().nonnegative() });

const ZCreateBidsSchema = z.object({
  machine: z.number().int(),
  price_gpu: z.number().nonnegative(),
  price_inetu: z.number().nonnegative().optional(),
  price_inetd: z.number().nonnegative().optional(),
  image: z.string().min(1),
  args: z.unknown().optional(),
});

const DURATION_UNIT_S: Record<string, number> = {
  day: 86_400,
  week: 604_800,
  month: 2_592_000,
  year: 31_536_000,
};

/** `duration`: "n days|weeks|months|years" or seconds; undefined when it cannot be read. */
function durationSeconds(duration: string | number): number | undefined {
  if (typeof duration === 'number') return duration > 0 ? duration : undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(day|week|month|year)s?\s*$/i.exec(duration);
  if (m) return Number(m[1]) * (DURATION_UNIT_S[(m[2] ?? '').toLowerCase()] ?? 0);
  const seconds = Number(duration);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

const machineId = (req: TRequest): number => (/^\d+$/.test(req.params.id ?? '') ? Number(req.params.id) : -1);

function createAsks(host: THost, req: TRequest): TReply {
  const parsed = ZCreateAsksSchema.safeParse(req.body);
  // The backend answers a missing / null / fractional min_chunk and an unknown machine alike.
  if (!parsed.success || !host.store.machine(parsed.data.machine))
    return invalidArgs('Invalid machine id or min_chunk');
  const ask = parsed.data;
  let endDate = ask.end_date ?? null;
  if (ask.duration !== undefined && ask.duration !== null) {
    if (ask.end_date !== undefined && ask.end_date !== null)
      return invalidArgs('duration and end_date are exclusive');
    const seconds = durationSeconds(ask.duration);
    if (seconds === undefined) return invalidArgs(`Invalid duration ${JSON.stringify(ask.duration)}`);
    endDate = host.store.clock.now() / 1000 + seconds;
  }
  const priceDisk = ask.price_disk ?? 0.1;
  host.store.list(
    ask.machine,
    {
      priceGpu: ask.price_gpu,
      priceDisk,
      priceInetUp: ask.price_inetu ?? 0,
      priceInetDown: ask.price_inetd ?? 0,
      minChunk: ask.min_chunk,
      endDate,
      creditDiscountMax: ask.credit_discount_max ?? 0.4,
    },
    ask.price_min_bid ?? undefined,
  );
  // Rentals here have the fixed length control.rent gave them, so none is extended.
  return ok({ success: true, extended: 0 });
}

function earnings(host: THost, req: TRequest): TReply {
  const user = req.params.user;
  if (user !== 'me' && user !== String(host.account.id)) return softFailure('Not authorized for that user');
  const today = dayOf(host.store.clock.now());
  const num = (name: string): number | null | undefined => {
    const raw = req.query.get(name);
    if (raw === null || raw === '' || raw === 'null') return undefined;
    const value = Number(raw);
    return Number.isFinite(value) ? value : null;
  };
  const sday = num('sday');
  const eday = num('eday');
  const lastDays = num('last_days');
  const machid = num('machid');
  if (sday === null || eday === null || lastDays === null || machid === null)
    return invalidArgs('sday, eday, last_days and machid must be numbers');
  // Day numbers are whole UTC days (sheet §6): a fractional value counts as the day it falls in.
  const fromDay =
    sday !== undefined
      ? Math.floor(sday)
      : lastDays !== undefined
        ? today - Math.floor(lastDays) + 1
        : today - 1;
  const toDay =
    eday !== undefined ? Math.floor(eday) : lastDays !== undefined ? today : Math.max(fromDay, today - 1);
  return ok(earningsJson(host.store, host.account, { fromDay, toDay, machineId: machid ?? null }));
}

export const hostRoutes: TRoute[] = [
  {
    method: 'GET',
    path: '/api/v0/machines',
    handle: (host) => ok({ machines: host.store.machines().map((m) => machineJson(m, host.store)) }),
  },
  {
    // A bare one-element list, not `{machines: [...]}`; another account's or an unknown id: empty.
    method: 'GET',
    path: '/api/v0/machines/:id',
    handle(host, req) {
      const machine = host.store.machine(machineId(req));
      return ok(machine ? [machineJson(machine, host.store)] : []);
    },
  },
  { method: 'PUT', path: '/api/v0/machines/create_asks', handle: createAsks },
  {
    method: 'DELETE',
    path: '/api/v0/machines/:id/asks',
    handle(host, req) {
      const result = host.store.unlist(machineId(req));
      if (!result.ok) return softFailure(result.msg);
      return ok({ success: true, machine_id: result.value.id, user_id: host.account.id });
    },
  },
  {
    method: 'PUT',
    path: '/api/v0/machines/:id/minbid',
    handle(host, req) {
      const parsed = ZMinBidSchema.safeParse(req.body);
      if (!parsed.success) return invalidArgs('price must be a non-negative number');
      const result = host.store.setMinBid(machineId(req), parsed.data.price);
      return result.ok ? ok({ success: true, you_sent: req.body }) : softFailure(result.msg);
    },
  },
  {
    method: 'PUT',
    path: '/api/v0/machines/create_bids',
    handle(host, req) {
      const parsed = ZCreateBidsSchema.safeParse(req.body);
      if (!parsed.success) return invalidArgs('machine, price_gpu and image are required');
      const { machine, price_gpu, image, args } = parsed.data;
      const result = host.store.setDefaultJob(machine, { priceGpu: price_gpu, image, args });
      return result.ok ? ok({ success: true }) : softFailure(result.msg);
    },
  },
  {
    method: 'DELETE',
    path: '/api/v0/machines/:id/defjob',
    handle(host, req) {
      const result = host.store.setDefaultJob(machineId(req), null);
      return result.ok ? ok({ success: true, msg: 'default job removed' }) : softFailure(result.msg);
    },
  },
  {
    method: 'POST',
    path: '/api/v0/machines/:id/force_delete',
    handle(host, req) {
      const result = host.store.remove(machineId(req));
      return result.ok ? ok({ success: true }) : softFailure(result.msg);
    },
  },
  { method: 'GET', path: '/api/v0/users/:user/machine-earnings', handle: earnings },
  {
    // Carries the API key like the real one: callers must not log this answer.
    method: 'GET',
    path: '/api/v0/users/current',
    handle: (host) =>
      ok({
        ...host.account,
        api_key: host.apiKey,
        balance: microsToDollars(balanceMicros(host.store)),
        credit: 0,
      }),
  },
];
