import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { touchUser } from '#core/accounts/touch-user.ts';
import { syncModelCatalog } from '#core/ai/models/sync-model-catalog.ts';
import { isAppError } from '#core/errors/app-error.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';
import { activeDialog, activeDialogId } from './active-dialog.ts';
import { createDialog } from './create-dialog.ts';
import { deleteDialog } from './delete-dialog.ts';
import { DEFAULT_DIALOG_MODEL, DIALOG_TITLE_MAX } from './dialog-rules.ts';
import { listDialogs } from './list-dialogs.ts';
import { renameDialog } from './rename-dialog.ts';
import { setDialogModel } from './set-dialog-model.ts';
import { setSystemPrompt } from './set-system-prompt.ts';
import { switchDialog } from './switch-dialog.ts';
import { toggleHistory } from './toggle-history.ts';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
  await syncModelCatalog(t.db);
});
after(() => t.drop());

const newUser = async () => (await touchUser(t.db, { id: uniqueTelegramId(), firstName: 'D' })).user.id;
const notFound = (error: unknown) => isAppError(error, 'NOT_FOUND');

test('the first use creates the active dialog: GPT-4o mini, history on, untitled', async () => {
  const userId = await newUser();
  assert.equal(await activeDialogId(t.db, userId), null);
  const dialog = await activeDialog(t.db, userId);
  assert.deepEqual(
    [dialog.modelId, dialog.historyEnabled, dialog.title, dialog.systemPrompt],
    [DEFAULT_DIALOG_MODEL, true, '', null],
  );
  assert.equal((await activeDialog(t.db, userId)).id, dialog.id, 'the same one next time');
});

test('list: most recently used first, with message counts and the active one marked', async () => {
  const userId = await newUser();
  const older = await createDialog(t.db, { userId, title: 'Older' });
  const newer = await createDialog(t.db, { userId, title: 'Newer' });
  await t.db.dialogMessage.createMany({
    data: [
      { dialogId: older.id, role: 'user', content: 'q' },
      { dialogId: older.id, role: 'assistant', content: 'a' },
    ],
  });
  let list = await listDialogs(t.db, { userId });
  assert.deepEqual(
    list.map((d) => [d.dialog.title, d.messageCount, d.active]),
    [
      ['Newer', 0, true],
      ['Older', 2, false],
    ],
  );
  await switchDialog(t.db, { userId, dialogId: older.id });
  await renameDialog(t.db, { userId, dialogId: older.id, title: '  Trip   plans ' });
  list = await listDialogs(t.db, { userId });
  assert.deepEqual(
    list.map((d) => [d.dialog.title, d.active]),
    [
      ['Trip plans', true],
      ['Newer', false],
    ],
  );
  assert.equal(newer.title, 'Newer');
});

test("another user's dialog is NOT_FOUND for every operation, and stays as it was", async () => {
  const owner = await newUser();
  const other = await newUser();
  const dialog = await createDialog(t.db, { userId: owner, title: 'Private' });
  const dialogId = dialog.id;
  const attempts = [
    switchDialog(t.db, { userId: other, dialogId }),
    renameDialog(t.db, { userId: other, dialogId, title: 'Mine now' }),
    deleteDialog(t.db, { userId: other, dialogId }),
    setDialogModel(t.db, { userId: other, dialogId, modelId: 'gpt-4o' }),
    setSystemPrompt(t.db, { userId: other, dialogId, systemPrompt: 'leak' }),
    toggleHistory(t.db, { userId: other, dialogId }),
  ];
  for (const result of await Promise.allSettled(attempts)) {
    assert.equal(result.status, 'rejected');
    assert.ok(notFound(result.status === 'rejected' && result.reason));
  }
  const after = await t.db.dialog.findUniqueOrThrow({ where: { id: dialogId } });
  assert.deepEqual(
    [after.title, after.modelId, after.systemPrompt, after.historyEnabled, after.deletedAt],
    ['Private', DEFAULT_DIALOG_MODEL, null, true, null],
  );
  assert.equal(await activeDialogId(t.db, other), null);
});

test('only enabled text models can answer in a dialog', async () => {
  const userId = await newUser();
  const dialog = await createDialog(t.db, { userId });
  assert.equal(
    (await setDialogModel(t.db, { userId, dialogId: dialog.id, modelId: 'claude-sonnet' })).modelId,
    'claude-sonnet',
  );
  const image = await setDialogModel(t.db, { userId, dialogId: dialog.id, modelId: 'dall-e-3' }).catch(
    (e: unknown) => e,
  );
  assert.ok(isAppError(image, 'INVALID_INPUT'));
  const unknown = await setDialogModel(t.db, { userId, dialogId: dialog.id, modelId: 'gpt-9' }).catch(
    (e: unknown) => e,
  );
  assert.ok(isAppError(unknown, 'INVALID_INPUT'));
  await t.db.aiModel.update({ where: { id: 'deepseek' }, data: { enabled: false } });
  const off = await setDialogModel(t.db, { userId, dialogId: dialog.id, modelId: 'deepseek' }).catch(
    (e: unknown) => e,
  );
  assert.ok(isAppError(off, 'MODEL_UNAVAILABLE'));
  await t.db.aiModel.update({ where: { id: 'deepseek' }, data: { enabled: true } });
  assert.equal((await t.db.dialog.findUniqueOrThrow({ where: { id: dialog.id } })).modelId, 'claude-sonnet');
});

test('system prompt, history and names: set, cleared, refused when invalid', async () => {
  const userId = await newUser();
  const dialog = await createDialog(t.db, { userId });
  const id = dialog.id;
  assert.equal(
    (await setSystemPrompt(t.db, { userId, dialogId: id, systemPrompt: ' Be brief. ' })).systemPrompt,
    'Be brief.',
  );
  assert.equal(
    (await setSystemPrompt(t.db, { userId, dialogId: id, systemPrompt: '   ' })).systemPrompt,
    null,
  );
  const long = await setSystemPrompt(t.db, { userId, dialogId: id, systemPrompt: 'x'.repeat(5_000) }).catch(
    (e: unknown) => e,
  );
  assert.ok(isAppError(long, 'INVALID_INPUT'));
  assert.equal((await toggleHistory(t.db, { userId, dialogId: id })).historyEnabled, false);
  assert.equal((await toggleHistory(t.db, { userId, dialogId: id, enabled: false })).historyEnabled, false);
  assert.equal((await toggleHistory(t.db, { userId, dialogId: id })).historyEnabled, true);
  const empty = await renameDialog(t.db, { userId, dialogId: id, title: ' \n ' }).catch((e: unknown) => e);
  assert.ok(isAppError(empty, 'INVALID_INPUT'));
  const renamed = await renameDialog(t.db, { userId, dialogId: id, title: 'y'.repeat(100) });
  assert.equal(renamed.title.length, DIALOG_TITLE_MAX);
});

test('deleting the active dialog: gone from the list, and the next message starts a new one', async () => {
  const userId = await newUser();
  const keep = await createDialog(t.db, { userId, title: 'Keep' });
  const drop = await createDialog(t.db, { userId, title: 'Drop' });
  await t.db.dialogMessage.create({ data: { dialogId: drop.id, role: 'user', content: 'bye' } });
  await deleteDialog(t.db, { userId, dialogId: drop.id });
  assert.deepEqual(
    (await listDialogs(t.db, { userId })).map((d) => [d.dialog.title, d.active]),
    [['Keep', false]],
  );
  assert.equal(await activeDialogId(t.db, userId), null);
  const next = await activeDialog(t.db, userId);
  assert.notEqual(next.id, drop.id);
  assert.notEqual(next.id, keep.id);
  const again = await switchDialog(t.db, { userId, dialogId: drop.id }).catch((e: unknown) => e);
  assert.ok(notFound(again), 'a deleted dialog is gone for good');
  // Soft: the messages stay for usage statistics.
  assert.equal(await t.db.dialogMessage.count({ where: { dialogId: drop.id } }), 1);
});
