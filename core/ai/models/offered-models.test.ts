import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TStaff } from '#core/accounts/staff.ts';
import { touchUser } from '#core/accounts/touch-user.ts';
import { MODEL_CATALOG } from '#core/ai/model-catalog.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { offeredModels } from './offered-models.ts';
import { setModelEnabled } from './set-model-enabled.ts';
import { setModelPrice } from './set-model-price.ts';
import { syncModelCatalog } from './sync-model-catalog.ts';

let t: TestDatabase;
let admin: TStaff;
before(async () => {
  t = await createTestDatabase();
  await syncModelCatalog(t.db);
  admin = { id: (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'A' })).user.id, role: 'admin' };
});
after(() => t.drop());

const servesAll = { serves: () => true };

test('the offer is the switched-on, served models of a kind, in catalog order, at their live price', async () => {
  const text = MODEL_CATALOG.filter((m) => m.kind === 'text').map((m) => m.id);
  const [off, repriced, unserved] = text;
  assert.ok(off && repriced && unserved, 'the catalog has at least three text models');
  await setModelEnabled(t.db, { staff: admin, modelId: off, enabled: false });
  await setModelPrice(t.db, { staff: admin, modelId: repriced, tokenPrice: 4_321n });

  const offered = await offeredModels(
    { db: t.db, ai: { serves: (id) => id !== unserved } },
    { kind: 'text' },
  );
  assert.deepEqual(
    offered.map((m) => m.id),
    text.filter((id) => id !== off && id !== unserved),
  );
  assert.ok(offered.every((m) => m.kind === 'text' && m.enabled));
  assert.equal(
    offered.find((m) => m.id === repriced)?.tokenPrice,
    4_321n,
    'the admin’s price, not the catalog’s',
  );

  await setModelEnabled(t.db, { staff: admin, modelId: off, enabled: true });
  assert.ok((await offeredModels({ db: t.db, ai: servesAll }, { kind: 'text' })).some((m) => m.id === off));
});

test('no kind: every kind; no provider configured: nothing is offered', async () => {
  const all = await offeredModels({ db: t.db, ai: servesAll });
  assert.deepEqual(new Set(all.map((m) => m.kind)), new Set(MODEL_CATALOG.map((m) => m.kind)));
  assert.deepEqual(await offeredModels({ db: t.db, ai: { serves: () => false } }), []);
});
