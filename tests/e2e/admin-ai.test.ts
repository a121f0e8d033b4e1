import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { aiModelAction } from '#bots/admin/ai-model-callbacks.ts';
import { MODEL_CATALOG } from '#core/ai/model-catalog.ts';
import { buttonsOf, Chat } from './chat.ts';
import { uniqueUserId } from './ids.ts';
import { signUp } from './signup-helper.ts';
import { type Stack, startStack } from './stack.ts';

const superAdminId = uniqueUserId();
let stack: Stack;
let admin: Chat;

before(async () => {
  stack = await startStack({ name: 'admin-ai', superAdminIds: [superAdminId] });
  await stack.telegram.upsertUser({
    id: superAdminId,
    first_name: 'Boss',
    username: `boss${superAdminId}`,
    language_code: 'en',
  });
  admin = new Chat(stack.telegram, stack.adminBot.token, superAdminId);
});
after(() => stack?.stop());

test('/models lists every model, all served by the stand-ins; a switch-off sticks across a restart', async () => {
  await admin.send('/models');
  const list = await admin.expect('AI models');
  for (const model of MODEL_CATALOG) assert.ok(list.text?.includes(model.displayName), model.displayName);
  assert.ok(!list.text?.includes('no provider configured'), 'every model has a route to a stand-in');
  assert.match(list.text ?? '', /✅ Kling kling · 38,000 tokens/);

  const press = await admin.press('✅ Kling');
  assert.match((await admin.answerOf(press.callbackQueryId)) ?? '', /Kling is off/);
  const edited = await admin.expect(/⛔ Kling kling/);
  assert.ok(
    buttonsOf(edited).some((b) => b.text === '⛔ Kling'),
    'the button now switches it on',
  );
  const row = await stack.db.aiModel.findUniqueOrThrow({ where: { id: 'kling' } });
  assert.deepEqual([row.enabled, row.updatedBy], [false, BigInt(superAdminId)]);
  const audit = await stack.db.auditLog.findMany({ where: { action: 'ai.model.disable' } });
  assert.deepEqual(
    audit.map((a) => [a.actorId, (a.after as { model: string }).model]),
    [[BigInt(superAdminId), 'kling']],
  );

  // Start-up syncs the catalog into the table again: the admin's switch is kept.
  await stack.restartApp();
  await admin.send('/models');
  await admin.expect(/⛔ Kling kling/);
  assert.equal((await stack.db.aiModel.findUniqueOrThrow({ where: { id: 'kling' } })).enabled, false);
});

test('a price change through the 💲 button: asked, a bad number refused, the new price saved and audited', async () => {
  await admin.send('/models');
  const list = await admin.expect('AI models');
  await admin.pressData(list.message_id, aiModelAction.encode({ action: 'price', modelId: 'claude-sonnet' }));
  await admin.expect(
    /New price of Claude Sonnet per request.*\n.*Now: 1,200 tokens; catalog price: 1,200 tokens/,
  );
  await admin.send('12.5');
  await admin.expect('Send a whole number of tokens from 1 to 1000000');
  await admin.send('1 350');
  await admin.expect('Claude Sonnet now costs 1,350 tokens per request (was 1,200 tokens)');
  const row = await stack.db.aiModel.findUniqueOrThrow({ where: { id: 'claude-sonnet' } });
  assert.equal(row.tokenPrice, 1_350n);
  const audit = await stack.db.auditLog.findFirstOrThrow({ where: { action: 'ai.model.price' } });
  assert.deepEqual(audit.after, { model: 'claude-sonnet', enabled: true, tokenPrice: '1350' });

  await admin.send('/models');
  await admin.expect(/Claude Sonnet claude-sonnet · 1,350 tokens \(catalog price 1,200 tokens\)/);

  await admin.send('/price claude-sonnet 0');
  await admin.expect('Send a whole number of tokens from 1 to 1000000');
  await admin.send('/price gpt-5 100');
  await admin.expect('There is no model “gpt-5”');
  await admin.send('/price CLAUDE-SONNET 1,400');
  await admin.expect('Claude Sonnet now costs 1,400 tokens per request (was 1,350 tokens)');
});

test('staff without ai.manage are refused, buttons forged or not', async () => {
  const modId = uniqueUserId();
  await signUp(stack, { id: modId, firstName: 'Mod', language: 'en' });
  await stack.db.adminRole.create({ data: { userId: BigInt(modId), role: 'moderator' } });
  const moderator = new Chat(stack.telegram, stack.adminBot.token, modId);
  await moderator.send('/models');
  await moderator.expect("You don't have permission to do that.");
  await moderator.send('/price gpt-4o 1');
  await moderator.expect("You don't have permission to do that.");
  await moderator.send('/help');
  const list = await moderator.expect('Polygram admin');
  const forged = await moderator.pressData(
    list.message_id,
    aiModelAction.encode({ action: 'off', modelId: 'gpt-4o' }),
    {
      forged: true,
    },
  );
  assert.match((await moderator.answerOf(forged.callbackQueryId)) ?? '', /don't have permission/);
  const row = await stack.db.aiModel.findUniqueOrThrow({ where: { id: 'gpt-4o' } });
  assert.deepEqual([row.enabled, row.tokenPrice], [true, 1_000n]);
});

test('/aistats shows requests, failures and their reasons, and processing time', async () => {
  const user = await stack.db.user.findUniqueOrThrow({ where: { id: BigInt(superAdminId) } });
  const startedAt = new Date(Date.now() - 60_000);
  const row = (status: 'succeeded' | 'failed', ms: number, errorCode?: string) => ({
    userId: user.id,
    kind: 'image' as const,
    modelId: 'dall-e-3',
    source: 'bot' as const,
    status,
    price: 8_000n,
    errorCode: errorCode ?? null,
    startedAt,
    finishedAt: new Date(startedAt.getTime() + ms),
  });
  await stack.db.aiRequest.createMany({
    data: [row('succeeded', 2_000), row('succeeded', 4_000), row('failed', 100, 'provider_unavailable')],
  });
  await admin.send('/aistats');
  const stats = await admin.expect('AI requests, last 7 days');
  const text = stats.text ?? '';
  assert.match(text, /Requests: 3 \(✅ 2 · ❌ 1/);
  assert.match(text, /Processing time: average 3 s, 95th percentile 3.9 s/);
  assert.match(text, /DALL·E 3: 3 · ❌ 1 · 💾 0/);
  assert.match(text, /provider_unavailable: 1/);
  await admin.send('/aistats 500');
  await admin.expect('Usage: /aistats [days], from 1 to 90');
});
