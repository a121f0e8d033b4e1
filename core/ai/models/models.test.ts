import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { TStaff } from '#core/accounts/staff.ts';
import { touchUser } from '#core/accounts/touch-user.ts';
import { MODEL_CATALOG } from '#core/ai/model-catalog.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { findModel, listModels, modelPrice } from './list-models.ts';
import { setModelEnabled } from './set-model-enabled.ts';
import { MAX_TOKEN_PRICE, setModelPrice } from './set-model-price.ts';
import { syncModelCatalog } from './sync-model-catalog.ts';

let t: TestDatabase;
let admin: TStaff;
let support: TStaff;
before(async () => {
  t = await createTestDatabase();
  admin = { id: (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'A' })).user.id, role: 'admin' };
  support = {
    id: (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'S' })).user.id,
    role: 'support',
  };
});
after(() => t.drop());

test('sync inserts every catalog model once, at the catalog price, switched on', async () => {
  assert.deepEqual(await syncModelCatalog(t.db), { inserted: MODEL_CATALOG.length });
  assert.deepEqual(await syncModelCatalog(t.db), { inserted: 0 });
  const rows = await t.db.aiModel.findMany();
  assert.equal(rows.length, MODEL_CATALOG.length);
  const gpt = rows.find((r) => r.id === 'gpt-4o');
  assert.deepEqual([gpt?.kind, gpt?.enabled, gpt?.tokenPrice], ['text', true, 1_000n]);
  const video = await listModels(t.db, { kind: 'video' });
  assert.deepEqual(
    video.map((m) => m.id),
    MODEL_CATALOG.filter((m) => m.kind === 'video').map((m) => m.id),
  );
});

test('an admin switches a model off and re-prices it; each change is audited; sync keeps both', async () => {
  await syncModelCatalog(t.db);
  const off = await setModelEnabled(t.db, { staff: admin, modelId: 'kling', enabled: false });
  assert.equal(off.changed, true);
  assert.equal(off.model.enabled, false);
  // Pressing "off" again changes nothing and writes no second audit row.
  assert.equal(
    (await setModelEnabled(t.db, { staff: admin, modelId: 'kling', enabled: false })).changed,
    false,
  );

  const priced = await setModelPrice(t.db, { staff: admin, modelId: 'kling', tokenPrice: 41_500n });
  assert.deepEqual([priced.model.tokenPrice, priced.model.defaultPrice], [41_500n, 38_000n]);

  const audit = await t.db.auditLog.findMany({
    where: { actorId: admin.id, action: { startsWith: 'ai.model.' } },
    orderBy: { id: 'asc' },
  });
  assert.deepEqual(
    audit.map((a) => [a.action, a.before, a.after]),
    [
      [
        'ai.model.disable',
        { model: 'kling', enabled: true, tokenPrice: '38000' },
        { model: 'kling', enabled: false, tokenPrice: '38000' },
      ],
      [
        'ai.model.price',
        { model: 'kling', enabled: false, tokenPrice: '38000' },
        { model: 'kling', enabled: false, tokenPrice: '41500' },
      ],
    ],
  );

  await syncModelCatalog(t.db);
  const kling = await findModel(t.db, 'kling');
  assert.deepEqual([kling?.enabled, kling?.tokenPrice, kling?.updatedBy], [false, 41_500n, admin.id]);
  assert.equal(await modelPrice(t.db, 'kling'), 41_500n);
  const listed = (await listModels(t.db)).find((m) => m.id === 'kling');
  assert.deepEqual([listed?.enabled, listed?.tokenPrice], [false, 41_500n]);

  await setModelEnabled(t.db, { staff: admin, modelId: 'kling', enabled: true });
  assert.equal((await findModel(t.db, 'kling'))?.enabled, true);
});

test('a change before start-up sync creates the row from the catalog', async () => {
  await t.db.aiModel.delete({ where: { id: 'vectorize' } });
  assert.equal((await findModel(t.db, 'vectorize'))?.tokenPrice, 4_000n);
  await setModelPrice(t.db, { staff: admin, modelId: 'vectorize', tokenPrice: 4_500n });
  const row = await t.db.aiModel.findUniqueOrThrow({ where: { id: 'vectorize' } });
  assert.deepEqual([row.kind, row.enabled, row.tokenPrice], ['tool', true, 4_500n]);
});

test('staff without ai.manage are refused and nothing changes', async () => {
  const before = await t.db.aiModel.findUniqueOrThrow({ where: { id: 'gpt-4o' } });
  const auditBefore = await t.db.auditLog.count();
  await assert.rejects(setModelEnabled(t.db, { staff: support, modelId: 'gpt-4o', enabled: false }), (e) =>
    isAppError(e, 'FORBIDDEN'),
  );
  await assert.rejects(setModelPrice(t.db, { staff: support, modelId: 'gpt-4o', tokenPrice: 1n }), (e) =>
    isAppError(e, 'FORBIDDEN'),
  );
  assert.deepEqual(await t.db.aiModel.findUniqueOrThrow({ where: { id: 'gpt-4o' } }), before);
  assert.equal(await t.db.auditLog.count(), auditBefore);
});

test('unknown models and prices out of range are refused and nothing changes', async () => {
  const before = await t.db.aiModel.findMany({ orderBy: { id: 'asc' } });
  const auditBefore = await t.db.auditLog.count();
  await assert.rejects(setModelEnabled(t.db, { staff: admin, modelId: 'gpt-5', enabled: false }), (e) =>
    isAppError(e, 'MODEL_NOT_FOUND'),
  );
  await assert.rejects(modelPrice(t.db, 'gpt-5'), (e) => isAppError(e, 'MODEL_NOT_FOUND'));
  assert.equal(await findModel(t.db, 'gpt-5'), null);
  for (const tokenPrice of [0n, -5n, MAX_TOKEN_PRICE + 1n])
    await assert.rejects(setModelPrice(t.db, { staff: admin, modelId: 'gpt-4o', tokenPrice }), (e) =>
      isAppError(e, 'INVALID_INPUT'),
    );
  assert.deepEqual(await t.db.aiModel.findMany({ orderBy: { id: 'asc' } }), before);
  assert.equal(await t.db.auditLog.count(), auditBefore);
  // The top of the range is still a valid price.
  await setModelPrice(t.db, { staff: admin, modelId: 'gpt-4o', tokenPrice: MAX_TOKEN_PRICE });
});

test('two admins re-pricing one model at once: both audited, each before is the other one’s after', async () => {
  const other: TStaff = {
    id: (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'B' })).user.id,
    role: 'super_admin',
  };
  await Promise.all([
    setModelPrice(t.db, { staff: admin, modelId: 'luma', tokenPrice: 10_001n }),
    setModelPrice(t.db, { staff: other, modelId: 'luma', tokenPrice: 10_002n }),
  ]);
  const audit = await t.db.auditLog.findMany({ where: { action: 'ai.model.price' }, orderBy: { id: 'asc' } });
  const luma = audit.filter((a) => (a.after as { model: string }).model === 'luma');
  assert.equal(luma.length, 2);
  assert.deepEqual(luma[1]?.before, luma[0]?.after);
  const final = await t.db.aiModel.findUniqueOrThrow({ where: { id: 'luma' } });
  assert.deepEqual(
    { ...(luma[1]?.after as object) },
    { model: 'luma', enabled: true, tokenPrice: String(final.tokenPrice) },
  );
});
