import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import { closeServer, listen, readBody } from '#sandbox/http-stand-in/http-basics.ts';
import type { TMarketplace } from '../marketplace.ts';
import { vastConfig } from './vast-config.ts';
import { isVastError, type TVastErrorKind, type VastError } from './vast-error.ts';
import { createVastMarketplace } from './vast-marketplace.ts';

const KEY = 'b3f1c9a27e5d4f0a8c6e2d1b9a7f5e3c1d0b8a6f4e2c0a9b7d5f3e1c9a7b5d3f';

type TSeen = {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  auth: string | undefined;
};
/** Instead of the normal answer, once per entry, for `METHOD /path`. */
type TOverride = { status: number; text: string; contentType?: string } | 'reset' | 'hang';

/** A machine as `GET /api/v0/machines?owner=me` sends it (facts sheet §3), with fields this client ignores. */
function vastMachine(overrides: Record<string, unknown> = {}) {
  return {
    id: 4242,
    hostname: 'gpu-box-1',
    num_gpus: 8,
    gpu_name: 'RTX 4090',
    gpu_ram: 24564,
    gpu_total_ram: 196512,
    disk_space: 1800,
    driver_version: '550.54.14',
    reliability2: 0.9953,
    verification: 'verified',
    listed: true,
    public_ipaddr: '203.0.113.7',
    geolocation: 'Finland, FI',
    num_reports: 0,
    listed_gpu_cost: 0.35,
    min_bid_price: 0.2,
    credit_discount_max: 0.4,
    listed_inet_up_cost: 0.005,
    listed_inet_down_cost: 0.005,
    gpu_occupancy: 'D D D D I I R  ',
    current_rentals_on_demand: 1,
    current_rentals_resident: 3,
    current_rentals_running: 2,
    current_rentals_running_on_demand: 1,
    inet_up: 940,
    inet_down: 940,
    total_flops: 660.6,
    timeout: 0,
    end_date: 1_798_761_600.5,
    ...overrides,
  };
}

/** The show-earnings answer (docs billing/show-earnings), personal fields included as the real one has them. */
function earningsAnswer(perMachine: unknown[], perDay: unknown[]) {
  return {
    summary: { total_gpu: 0, total_stor: 0, total_bwu: 0, total_bwd: 0 },
    username: 'polygram-host',
    email: 'host@example.com',
    fullname: 'Polygram',
    address1: '',
    address2: '',
    city: '',
    zip: '',
    country: 'FI',
    taxinfo: '',
    current: { balance: 12.5, service_fee: 0, total: 12.5, credit: 0 },
    per_machine: perMachine,
    per_day: perDay,
  };
}

/**
 * The host routes this client calls, answering the shapes the facts sheet gives; every request is recorded, and
 * `override` replaces the next answers of one route (plain-text 429s without Retry-After, 5xx, resets, silence).
 */
async function startVastServer() {
  const seen: TSeen[] = [];
  const overrides = new Map<string, TOverride[]>();
  const answers = new Map<string, { status: number; body: unknown }>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = (await readBody(req)).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://vast');
      const key = `${req.method} ${url.pathname}`;
      seen.push({
        method: req.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body: raw ? JSON.parse(raw) : undefined,
        auth: req.headers.authorization,
      });
      const override = overrides.get(key)?.shift();
      if (override === 'reset') return void req.socket.destroy();
      if (override === 'hang') return;
      if (override) {
        res.writeHead(override.status, { 'content-type': override.contentType ?? 'text/plain' });
        return void res.end(override.text);
      }
      if (req.headers.authorization !== `Bearer ${KEY}`) {
        res.writeHead(401, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ success: false, error: 'auth_error', msg: 'Invalid API key' }));
      }
      const answer = answers.get(key);
      res.writeHead(answer?.status ?? 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer?.body ?? { success: false, error: 'not_found', msg: 'no such route' }));
    })();
  });
  const port = await listen(server, 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    answer: (route: string, body: unknown, status = 200) => answers.set(route, { status, body }),
    override: (route: string, ...next: TOverride[]) => overrides.set(route, next),
    reset() {
      seen.length = 0;
      overrides.clear();
      answers.clear();
    },
    close: () => closeServer(server),
  };
}

async function rejectsWith(promise: Promise<unknown>, kind: TVastErrorKind): Promise<VastError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isVastError(error), `expected a VastError, got ${String(error)}`);
    assert.equal(error.kind, kind, error.message);
    return error;
  }
  assert.fail(`expected a ${kind} error`);
}

describe('Vast.ai host client against a server answering the facts sheet’s shapes', () => {
  let vast: Awaited<ReturnType<typeof startVastServer>>;
  let client: TMarketplace;

  before(async () => {
    vast = await startVastServer();
  });
  after(() => vast.close());
  beforeEach(() => {
    vast.reset();
    client = createVastMarketplace(
      vastConfig({ baseUrl: `${vast.url}/`, apiKey: KEY, timeoutMs: 2_000, maxAttempts: 3, retryBaseMs: 1 }),
    );
  });

  it('reads the host machines with the bearer key and maps price, end date and rental state', async () => {
    vast.answer('GET /api/v0/machines', {
      machines: [
        vastMachine(),
        vastMachine({
          id: 7,
          listed: false,
          listed_gpu_cost: null,
          min_bid_price: null,
          end_date: null,
          gpu_occupancy: null,
          current_rentals_resident: 0,
          current_rentals_running: 0,
          current_rentals_running_on_demand: 0,
        }),
        vastMachine({
          id: 8,
          current_rentals_resident: 1,
          current_rentals_running: 0,
          listed_gpu_cost: 1.005,
        }),
      ],
    });
    const machines = await client.hostMachines();
    assert.deepEqual(vast.seen, [
      {
        method: 'GET',
        path: '/api/v0/machines',
        query: { owner: 'me' },
        body: undefined,
        auth: `Bearer ${KEY}`,
      },
    ]);
    assert.deepEqual(machines[0], {
      machineId: '4242',
      hostname: 'gpu-box-1',
      gpuModel: 'RTX 4090',
      gpuCount: 8,
      listed: true,
      listedPricePerGpuHourCents: 35n,
      minBidPerGpuHourCents: 20n,
      offerEndsAt: new Date(1_798_761_600_500),
      rentalState: 'rented',
      rentals: { total: 3, running: 2, runningOnDemand: 1 },
      gpusInUse: { onDemand: 4, interruptible: 2, reserved: 1 },
      reliability: 0.9953,
      verification: 'verified',
    });
    assert.equal(machines[1]?.rentalState, 'idle');
    assert.equal(machines[1]?.listedPricePerGpuHourCents, null);
    assert.equal(machines[1]?.offerEndsAt, null);
    assert.deepEqual(machines[1]?.gpusInUse, { onDemand: 0, interruptible: 0, reserved: 0 });
    assert.equal(machines[2]?.rentalState, 'reserved');
    assert.equal(machines[2]?.listedPricePerGpuHourCents, 101n);
  });

  it('reads one machine from the bare one-element list; an empty list or a 404 is null, another machine is bad', async () => {
    vast.answer('GET /api/v0/machines/4242', [vastMachine()]);
    vast.answer('GET /api/v0/machines/5', []);
    const machine = await client.hostMachine('4242');
    assert.equal(machine?.machineId, '4242');
    assert.deepEqual(vast.seen[0]?.query, { owner: 'me' });
    assert.equal(await client.hostMachine('5'), null);
    assert.equal(await client.hostMachine('6'), null);
    vast.answer('GET /api/v0/machines/9', [vastMachine({ id: 10 })]);
    await rejectsWith(client.hostMachine('9'), 'bad_response');
    assert.deepEqual(
      vast.seen.map((s) => s.path),
      ['/api/v0/machines/4242', '/api/v0/machines/5', '/api/v0/machines/6', '/api/v0/machines/9'],
    );
  });

  it('lists a machine with create_asks: price in dollars, integer min chunk, end date in unix seconds', async () => {
    vast.answer('PUT /api/v0/machines/create_asks/', { success: true, extended: 2 });
    const result = await client.listMachine({
      machineId: '4242',
      pricePerGpuHourCents: 35n,
      minGpusPerRental: 1,
      offerEndsAt: new Date('2027-01-01T00:00:00Z'),
      minBidPerGpuHourCents: 20n,
    });
    assert.deepEqual(result, { rentalsExtended: 2 });
    assert.equal(vast.seen[0]?.method, 'PUT');
    assert.equal(vast.seen[0]?.path, '/api/v0/machines/create_asks/');
    assert.equal(vast.seen[0]?.auth, `Bearer ${KEY}`);
    assert.deepEqual(vast.seen[0]?.body, {
      machine: 4242,
      price_gpu: 0.35,
      price_disk: 0.1,
      price_inetu: null,
      price_inetd: null,
      price_min_bid: 0.2,
      min_chunk: 1,
      end_date: 1_798_761_600,
      credit_discount_max: 0.4,
      duration: null,
      vol_size: null,
      vol_price: null,
    });
  });

  it('an HTTP 200 with success:false is an invalid request carrying Vast.ai’s msg, sent once', async () => {
    vast.answer('PUT /api/v0/machines/create_asks/', {
      success: false,
      msg: 'Invalid machine id or min_chunk',
    });
    const error = await rejectsWith(
      client.listMachine({
        machineId: '4242',
        pricePerGpuHourCents: 35n,
        minGpusPerRental: 2,
        offerEndsAt: new Date('2027-01-01T00:00:00Z'),
      }),
      'invalid',
    );
    assert.equal(error.vastMessage, 'Invalid machine id or min_chunk');
    assert.equal(vast.seen.length, 1);
  });

  it('refuses a non-integer min chunk or machine id before sending anything', async () => {
    const listing = { pricePerGpuHourCents: 35n, offerEndsAt: new Date('2027-01-01T00:00:00Z') };
    await rejectsWith(
      client.listMachine({ ...listing, machineId: '4242', minGpusPerRental: 1.5 }),
      'invalid',
    );
    await rejectsWith(
      client.listMachine({ ...listing, machineId: '../users', minGpusPerRental: 1 }),
      'invalid',
    );
    await rejectsWith(client.unlistMachine('42/asks'), 'invalid');
    assert.equal(vast.seen.length, 0);
  });

  it('unlists with DELETE …/{id}/asks/ and sets the min bid with PUT …/{id}/minbid/', async () => {
    vast.answer('DELETE /api/v0/machines/4242/asks/', { success: true, machine_id: 4242, user_id: 99 });
    vast.answer('PUT /api/v0/machines/4242/minbid/', {
      success: true,
      you_sent: { client_id: 'me', price: 0.15 },
    });
    await client.unlistMachine('4242');
    await client.setMinBid('4242', 15n);
    assert.deepEqual(
      vast.seen.map(({ method, path, body, auth }) => ({ method, path, body, auth })),
      [
        { method: 'DELETE', path: '/api/v0/machines/4242/asks/', body: undefined, auth: `Bearer ${KEY}` },
        {
          method: 'PUT',
          path: '/api/v0/machines/4242/minbid/',
          body: { client_id: 'me', price: 0.15 },
          auth: `Bearer ${KEY}`,
        },
      ],
    );
  });

  it('reads a machine’s earnings by whole day numbers and gives cents per UTC day, summed exactly', async () => {
    // 2026-12-01 is day 20788 since the epoch.
    vast.answer(
      'GET /api/v0/users/me/machine-earnings',
      earningsAnswer(
        [{ machine_id: 4242, gpu_earn: 22.005, sto_earn: 0.3, bwu_earn: 0.004, bwd_earn: 0.004 }],
        [
          { day: 20788, gpu_earn: 1.005, sto_earn: 0.1, bwu_earn: 0.002, bwd_earn: 0.002 },
          // Two rows in one UTC day (a fraction is a time within it): one accrual.
          { day: 20789.25, gpu_earn: 10, sto_earn: 0.1, bwu_earn: 0.001, bwd_earn: null },
          { day: 20789.75, gpu_earn: 10, sto_earn: 0.1, bwu_earn: 0.001 },
          { day: 20790, gpu_earn: 0, sto_earn: 0, bwu_earn: 0, bwd_earn: 0 },
          // Outside the window asked for.
          { day: 20795, gpu_earn: 5, sto_earn: 0, bwu_earn: 0, bwd_earn: 0 },
        ],
      ),
    );
    const days = await client.machineEarnings({
      machineId: '4242',
      fromDay: '2026-12-01',
      toDay: '2026-12-03',
    });
    assert.deepEqual(vast.seen[0]?.query, { owner: 'me', sday: '20788', eday: '20790', machid: '4242' });
    assert.equal(vast.seen[0]?.method, 'GET');
    assert.equal(vast.seen[0]?.path, '/api/v0/users/me/machine-earnings');
    assert.deepEqual(days, [
      {
        machineId: '4242',
        day: '2026-12-01',
        // 1.005 + 0.1 + 0.002 + 0.002 = 1.109 $ → 111 ¢ (float: 1.1090000000000002); parts rounded alone.
        totalCents: 111n,
        parts: { gpuCents: 101n, storageCents: 10n, uploadCents: 0n, downloadCents: 0n },
      },
      {
        machineId: '4242',
        day: '2026-12-02',
        totalCents: 2020n,
        parts: { gpuCents: 2000n, storageCents: 20n, uploadCents: 0n, downloadCents: 0n },
      },
    ]);
  });

  it('earnings that name another machine than the one asked for are a bad response, not an accrual', async () => {
    vast.answer(
      'GET /api/v0/users/me/machine-earnings',
      earningsAnswer([{ machine_id: 7, gpu_earn: 1, sto_earn: 0, bwu_earn: 0, bwd_earn: 0 }], []),
    );
    await rejectsWith(
      client.machineEarnings({ machineId: '4242', fromDay: '2026-12-01', toDay: '2026-12-01' }),
      'bad_response',
    );
    await rejectsWith(
      client.machineEarnings({ machineId: '4242', fromDay: '2026-12-02', toDay: '2026-12-01' }),
      'invalid',
    );
  });

  it('a plain-text 429 without Retry-After is waited out and repeated until it succeeds', async () => {
    vast.override(
      'GET /api/v0/machines',
      { status: 429, text: 'API requests too frequent' },
      { status: 429, text: 'API requests too frequent: endpoint threshold=2.0' },
    );
    vast.answer('GET /api/v0/machines', { machines: [vastMachine()] });
    const machines = await client.hostMachines();
    assert.equal(machines.length, 1);
    assert.equal(vast.seen.length, 3);
  });

  it('429s past the attempts are a rate_limited error with the plain-text message', async () => {
    const tooFrequent = { status: 429, text: 'API requests too frequent' };
    vast.override('DELETE /api/v0/machines/4242/asks/', tooFrequent, tooFrequent, tooFrequent, tooFrequent);
    const error = await rejectsWith(client.unlistMachine('4242'), 'rate_limited');
    assert.equal(error.vastMessage, 'API requests too frequent');
    assert.equal(error.status, 429);
    assert.equal(vast.seen.length, 3);
  });

  it('5xx and a reset connection are repeated; the call then succeeds', async () => {
    vast.override(
      'PUT /api/v0/machines/create_asks/',
      { status: 502, text: '<html>Bad Gateway</html>', contentType: 'text/html' },
      'reset',
    );
    vast.answer('PUT /api/v0/machines/create_asks/', { success: true, extended: 0 });
    const result = await client.listMachine({
      machineId: '4242',
      pricePerGpuHourCents: 35n,
      minGpusPerRental: 1,
      offerEndsAt: new Date('2027-01-01T00:00:00Z'),
    });
    assert.deepEqual(result, { rentalsExtended: 0 });
    assert.equal(vast.seen.length, 3);

    vast.reset();
    vast.override('GET /api/v0/machines', { status: 500, text: '{"success":false,"msg":"internal"}' });
    vast.answer('GET /api/v0/machines', { machines: [] });
    assert.deepEqual(await client.hostMachines(), []);
    assert.equal(vast.seen.length, 2);
  });

  it('a 4xx is not repeated: 400 is invalid, 401 is auth', async () => {
    vast.override('PUT /api/v0/machines/4242/minbid/', {
      status: 400,
      text: JSON.stringify({ success: false, error: 'invalid_args', msg: 'price must be positive' }),
      contentType: 'application/json',
    });
    const invalid = await rejectsWith(client.setMinBid('4242', 0n), 'invalid');
    assert.equal(invalid.vastMessage, 'price must be positive');
    assert.equal(vast.seen.length, 1);

    vast.reset();
    const stranger = createVastMarketplace(
      vastConfig({ baseUrl: vast.url, apiKey: 'not-our-key', maxAttempts: 3, retryBaseMs: 1 }),
    );
    await rejectsWith(stranger.hostMachines(), 'auth');
    assert.equal(vast.seen.length, 1);
  });

  it('no answer within the timeout is a timeout error, after the attempts', async () => {
    vast.override('GET /api/v0/machines', 'hang', 'hang');
    const hasty = createVastMarketplace(
      vastConfig({ baseUrl: vast.url, apiKey: KEY, timeoutMs: 150, maxAttempts: 2, retryBaseMs: 1 }),
    );
    const error = await rejectsWith(hasty.hostMachines(), 'timeout');
    assert.equal(error.status, undefined);
    assert.equal(vast.seen.length, 2);
  });

  it('an answer that is not the sheet’s shape, or not JSON, is bad_response', async () => {
    vast.answer('GET /api/v0/machines', { machines: [{ ...vastMachine(), id: 'x', listed: 'yes' }] });
    const error = await rejectsWith(client.hostMachines(), 'bad_response');
    assert.match(error.message, /machines\.0\.id/);
    assert.equal(vast.seen.length, 1);

    vast.reset();
    vast.override('GET /api/v0/users/me/machine-earnings', { status: 200, text: '<html>login</html>' });
    await rejectsWith(
      client.machineEarnings({ machineId: '4242', fromDay: '2026-12-01', toDay: '2026-12-01' }),
      'bad_response',
    );
  });

  it('the key never appears in an error, even when Vast.ai echoes it back', async () => {
    const errors: VastError[] = [];
    vast.override('GET /api/v0/machines', {
      status: 400,
      text: JSON.stringify({ success: false, msg: `bad key ${KEY}` }),
      contentType: 'application/json',
    });
    errors.push(await rejectsWith(client.hostMachines(), 'invalid'));
    vast.override(
      'GET /api/v0/machines/4242',
      ...Array(3).fill({ status: 429, text: `too frequent for ${KEY}` }),
    );
    errors.push(await rejectsWith(client.hostMachine('4242'), 'rate_limited'));
    vast.override('GET /api/v0/machines', { status: 200, text: JSON.stringify({ machines: [{ id: KEY }] }) });
    errors.push(await rejectsWith(client.hostMachines(), 'bad_response'));
    vast.override('DELETE /api/v0/machines/4242/asks/', 'reset', 'reset', 'reset');
    errors.push(await rejectsWith(client.unlistMachine('4242'), 'unavailable'));
    for (const error of errors) {
      const everything = [
        error.message,
        error.stack,
        error.vastMessage,
        String(error),
        JSON.stringify(error),
      ];
      for (const text of everything) assert.ok(!String(text).includes(KEY), `key leaked in: ${text}`);
    }
    assert.match(errors[0]?.vastMessage ?? '', /\[redacted\]/);
  });
});
