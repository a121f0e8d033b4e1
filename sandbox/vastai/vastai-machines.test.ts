import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TMachineJson } from './vastai-json.ts';
import { askBody, type TCall, withVast } from './vastai-test-client.ts';

async function machines(call: TCall): Promise<TMachineJson[]> {
  const reply = await call('GET', '/api/v0/machines?owner=me');
  assert.equal(reply.status, 200);
  return (reply.json as { machines: TMachineJson[] }).machines;
}

describe('Vast.ai stand-in: machines, listing, unlisting', () => {
  test('a machine added by control shows unlisted with its spec; GET /machines/{id} is a bare one-element list', () =>
    withVast(async (vast, call) => {
      const added = vast.control.addMachine({ gpuName: 'RTX 3090', numGpus: 2, gpuRamMb: 24_576 });
      const [row] = await machines(call);
      assert.equal(row?.id, added.id);
      assert.equal(row?.gpu_name, 'RTX 3090');
      assert.equal(row?.num_gpus, 2);
      assert.equal(row?.gpu_total_ram, 49_152);
      assert.equal(row?.listed, false);
      const one = await call('GET', `/api/v0/machines/${added.id}?owner=me`);
      assert.ok(Array.isArray(one.json));
      assert.deepEqual(one.json, [row]);
      assert.deepEqual((await call('GET', '/api/v0/machines/999999')).json, []);
    }));

  test('listing a machine makes it listed with its price, min bid, end date and discount', () =>
    withVast(async (vast, call) => {
      const machine = vast.control.addMachine({ numGpus: 4 });
      const endDate = vast.control.now().getTime() / 1000 + 30 * 86_400;
      const reply = await call('PUT', '/api/v0/machines/create_asks/', {
        body: askBody(machine.id, { price_gpu: 0.45, price_min_bid: 0.25, min_chunk: 2, end_date: endDate }),
      });
      assert.equal(reply.status, 200);
      assert.deepEqual(reply.json, { success: true, extended: 0 });
      const [row] = await machines(call);
      assert.equal(row?.listed, true);
      assert.equal(row?.listed_gpu_cost, 0.45);
      assert.equal(row?.min_bid_price, 0.25);
      assert.equal(row?.end_date, endDate);
      assert.equal(row?.credit_discount_max, 0.4);
      assert.deepEqual(
        vast.control.listings().map((m) => m.id),
        [machine.id],
      );
    }));

  test('a null or fractional min_chunk, or an unknown machine, is the backend 400 "Invalid machine id or min_chunk"', () =>
    withVast(async (vast, call) => {
      const machine = vast.control.addMachine();
      for (const body of [
        askBody(machine.id, { min_chunk: null }),
        askBody(machine.id, { min_chunk: 1.5 }),
        askBody(424242),
      ]) {
        const reply = await call('PUT', '/api/v0/machines/create_asks', { body });
        assert.equal(reply.status, 400);
        assert.equal((reply.json as { msg: string }).msg, 'Invalid machine id or min_chunk');
      }
      assert.equal((await machines(call))[0]?.listed, false);
    }));

  test('a duration sets the end date from now; duration with end_date is refused', () =>
    withVast(async (vast, call) => {
      const machine = vast.control.addMachine();
      const now = vast.control.now().getTime() / 1000;
      await call('PUT', '/api/v0/machines/create_asks/', {
        body: askBody(machine.id, { duration: '3 weeks' }),
      });
      assert.equal((await machines(call))[0]?.end_date, now + 21 * 86_400);
      const both = await call('PUT', '/api/v0/machines/create_asks/', {
        body: askBody(machine.id, { duration: '1 day', end_date: now + 10 }),
      });
      assert.equal(both.status, 400);
    }));

  test('unlisting clears `listed` but a running rental continues', () =>
    withVast(async (vast, call) => {
      const machine = vast.control.addMachine({ numGpus: 2 });
      await call('PUT', '/api/v0/machines/create_asks/', { body: askBody(machine.id, { price_gpu: 1 }) });
      const rental = vast.control.rent(machine.id, 5);
      assert.equal(rental.pricePerHour, 2, 'default price: listed per-GPU price × GPUs taken');
      const reply = await call('DELETE', `/api/v0/machines/${machine.id}/asks/`);
      assert.equal(reply.status, 200);
      assert.equal((reply.json as { success: boolean; machine_id: number }).machine_id, machine.id);
      const [row] = await machines(call);
      assert.equal(row?.listed, false);
      assert.equal(row?.current_rentals_running, 1);
      assert.equal(row?.gpu_occupancy, 'D D ');
      assert.deepEqual(vast.control.listings(), []);
      assert.throws(() => vast.control.rent(machine.id, 1), /not listed/);
    }));

  test('a rental ends when its hours are up and frees the GPUs', () =>
    withVast(async (vast, call) => {
      const machine = vast.control.addMachine({ numGpus: 4 });
      await call('PUT', '/api/v0/machines/create_asks/', { body: askBody(machine.id, { min_chunk: 2 }) });
      assert.throws(() => vast.control.rent(machine.id, 3, undefined, { gpus: 1 }), /min chunk/);
      vast.control.rent(machine.id, 3, undefined, { gpus: 2 });
      assert.equal((await machines(call))[0]?.gpu_occupancy, 'D D x x ');
      vast.control.advance(3);
      const [row] = await machines(call);
      assert.equal(row?.current_rentals_running, 0);
      assert.equal(row?.gpu_occupancy, 'x x x x ');
    }));

  test('min bid answers success with what was sent and shows on the machine', () =>
    withVast(async (vast, call) => {
      const machine = vast.control.addMachine();
      const body = { client_id: 'me', price: 0.2 };
      const reply = await call('PUT', `/api/v0/machines/${machine.id}/minbid/`, { body });
      assert.deepEqual(reply.json, { success: true, you_sent: body });
      assert.equal((await machines(call))[0]?.min_bid_price, 0.2);
      const unknown = await call('PUT', '/api/v0/machines/999999/minbid/', { body });
      assert.equal(unknown.status, 200, 'host endpoints refuse with 200 and success:false');
      assert.equal((unknown.json as { success: boolean }).success, false);
    }));

  test('force_delete is refused while a contract runs and works once it ended', () =>
    withVast(async (vast, call) => {
      const machine = vast.control.addMachine();
      await call('PUT', '/api/v0/machines/create_asks/', { body: askBody(machine.id) });
      const rental = vast.control.rent(machine.id, 10);
      const refused = await call('POST', `/api/v0/machines/${machine.id}/force_delete/`);
      assert.equal((refused.json as { success: boolean }).success, false);
      assert.equal((await machines(call)).length, 1);
      vast.control.endRental(rental.id);
      const done = await call('POST', `/api/v0/machines/${machine.id}/force_delete/`);
      assert.deepEqual(done.json, { success: true });
      assert.equal((await machines(call)).length, 0);
    }));

  test('default job: create_bids stores it, DELETE defjob removes it', () =>
    withVast(async (vast, call) => {
      const machine = vast.control.addMachine();
      const set = await call('PUT', '/api/v0/machines/create_bids/', {
        body: {
          machine: machine.id,
          price_gpu: 0.1,
          price_inetu: 0,
          price_inetd: 0,
          image: 'miner:1',
          args: [],
        },
      });
      assert.deepEqual(set.json, { success: true });
      const removed = await call('DELETE', `/api/v0/machines/${machine.id}/defjob/`);
      assert.equal((removed.json as { success: boolean }).success, true);
      const missingImage = await call('PUT', '/api/v0/machines/create_bids/', {
        body: { machine: machine.id, price_gpu: 0.1 },
      });
      assert.equal(missingImage.status, 400);
    }));
});
