import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startVastaiStandIn, type TVastaiStandIn } from '#sandbox/vastai/vastai-stand-in.ts';
import { accrueMachineDay } from '../../money/accrual.ts';
import { DEFAULT_COMMISSION_BPS } from '../../money/pricing.ts';
import type { TMarketplace } from '../marketplace.ts';
import { vastConfig } from './vast-config.ts';
import { createVastMarketplace } from './vast-marketplace.ts';

// The Vast.ai client and the sandbox's stand-in were written from the same facts sheet by different hands: here
// they meet, so a route, a field or a unit either side got wrong shows up before the GPU service uses them.

// 20:00 UTC: a 10-hour rental crosses midnight, so its earnings fall on two days.
const START = new Date('2026-12-01T20:00:00Z');
let vast: TVastaiStandIn;
let client: TMarketplace;

before(async () => {
  vast = await startVastaiStandIn({ port: 0, now: START, rateLimit: { burst: 2, minIntervalMs: 150 } });
  client = createVastMarketplace(vastConfig({ baseUrl: vast.url, apiKey: vast.apiKey, retryBaseMs: 50 }));
});
after(() => vast?.close());

test('list a machine, see it listed with its price, rent it 10 h at $2/h: $20 over two days, split $18 / $2', async () => {
  const machine = vast.control.addMachine({ gpuName: 'RTX 4090', numGpus: 1, hostname: 'rig-1' });
  const machineId = String(machine.id);
  await client.listMachine({
    machineId,
    pricePerGpuHourCents: 200n,
    minGpusPerRental: 1,
    offerEndsAt: new Date(START.getTime() + 30 * 86_400_000),
  });
  const listed = await client.hostMachine(machineId);
  assert.ok(listed, 'the machine is ours');
  assert.equal(listed.listed, true);
  assert.equal(listed.listedPricePerGpuHourCents, 200n);
  assert.equal(listed.gpuModel, 'RTX 4090');
  assert.equal(listed.rentalState, 'idle');

  vast.control.rent(machine.id, 10);
  assert.equal((await client.hostMachine(machineId))?.rentalState, 'rented');
  vast.control.advance(10);

  const days = await client.machineEarnings({ machineId, fromDay: '2026-12-01', toDay: '2026-12-02' });
  assert.deepEqual(
    days.map((d) => [d.day, d.totalCents]),
    [
      ['2026-12-01', 800n],
      ['2026-12-02', 1_200n],
    ],
  );
  // Each machine-day becomes one accrual: owner and platform add up to what it earned.
  const split = days.map((d) =>
    accrueMachineDay(
      { marketplace: client.id, machineId, day: d.day, earnings: d.totalCents },
      'taken_from',
      DEFAULT_COMMISSION_BPS,
    ),
  );
  const owner = split.reduce((sum, a) => sum + (a?.ownerEarning ?? 0n), 0n);
  const platform = split.reduce((sum, a) => sum + (a?.platformCommission ?? 0n), 0n);
  assert.deepEqual([owner, platform], [1_800n, 200n]);

  await client.unlistMachine(machineId);
  assert.equal((await client.hostMachine(machineId))?.listed, false);
});

test('the stand-in’s plain-text 429s are waited out by the client’s backoff', async () => {
  vast.control.addMachine({ gpuName: 'A100 80GB', numGpus: 8 });
  // Five reads in a row against a budget of two: the rest are refused with 429 and retried.
  for (let i = 0; i < 5; i++) assert.ok((await client.hostMachines()).length >= 2);
});
