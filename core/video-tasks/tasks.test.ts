import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { isAppError, type TAppErrorCode } from '#core/errors/app-error.ts';
import { FILE_TTL_MS } from '#core/files/file-limits.ts';
import type { TFileStore } from '#core/files/file-store.ts';
import { createLocalFileStore } from '#core/files/local-file-store.ts';
import { newStudioUser, uploadSample } from '#tests/support/studio-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '#tests/support/test-database.ts';
import { addMaterial } from './add-material.ts';
import { createTask } from './create-task.ts';
import { deleteTask } from './delete-task.ts';
import { editTask } from './edit-task.ts';
import { getTask } from './get-task.ts';
import { listTasks } from './list-tasks.ts';
import { removeMaterial } from './remove-material.ts';
import { replaceMaterial } from './replace-material.ts';

let t: TestDatabase;
let dir: string;
let store: TFileStore;
before(async () => {
  t = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'polygram-studio-'));
  store = createLocalFileStore(dir);
});
after(async () => {
  await t.drop();
  await rm(dir, { recursive: true, force: true });
});

const files = () => ({ db: t.db, store });
const refusedWith = (code: TAppErrorCode, reason?: string) => (error: unknown) =>
  isAppError(error, code) && (reason === undefined || error.details.reason === reason);

describe('creating and editing tasks', () => {
  test('a task starts as a draft with the model’s default parameters', async () => {
    const userId = await newStudioUser(t.db);
    const task = await createTask(t.db, {
      userId,
      title: '  My   first clip ',
      modelId: 'kling',
      prompt: ' A cat ',
    });
    assert.equal(task.title, 'My first clip');
    assert.equal(task.prompt, 'A cat');
    assert.equal(task.status, 'draft');
    assert.deepEqual(task.params, { seconds: 5, aspect: '16:9' });
  });

  test('only video models, only their own parameters, and not a model admins switched off', async () => {
    const userId = await newStudioUser(t.db);
    const make = (modelId: string, params?: Record<string, unknown>) =>
      createTask(t.db, { userId, title: 'x', modelId, params });
    await assert.rejects(make('no-such-model'), refusedWith('MODEL_NOT_FOUND'));
    await assert.rejects(make('dall-e-3'), refusedWith('INVALID_INPUT', 'not_video_model'));
    await assert.rejects(make('gpt-4o'), refusedWith('INVALID_INPUT', 'not_video_model'));
    await assert.rejects(make('kling', { seconds: 7 }), refusedWith('INVALID_INPUT', 'params'));
    await assert.rejects(make('kling', { fps: 60 }), refusedWith('INVALID_INPUT', 'params'));
    // Sora renders 4, 8 or 12 seconds; the others 5 or 10.
    assert.deepEqual((await make('sora-2', { seconds: 8, aspect: '9:16' })).params, {
      seconds: 8,
      aspect: '9:16',
    });
    await assert.rejects(make('sora-2', { seconds: 5 }), refusedWith('INVALID_INPUT', 'params'));
    await t.db.aiModel.upsert({
      where: { id: 'luma' },
      create: { id: 'luma', kind: 'video', tokenPrice: 42_000n, enabled: false },
      update: { enabled: false },
    });
    await assert.rejects(make('luma'), refusedWith('MODEL_UNAVAILABLE'));
    await assert.rejects(
      createTask(t.db, { userId, title: '   ', modelId: 'kling' }),
      refusedWith('INVALID_INPUT', 'title_required'),
    );
  });

  test('edit changes title, prompt and parameters; parameters are checked against the task’s model', async () => {
    const userId = await newStudioUser(t.db);
    const task = await createTask(t.db, { userId, title: 'Draft', modelId: 'hailuo' });
    const edited = await editTask(t.db, {
      userId,
      taskId: task.id,
      title: 'Final',
      prompt: 'Waves at night',
      params: { seconds: 10 },
    });
    assert.deepEqual(
      [edited.title, edited.prompt, edited.params],
      ['Final', 'Waves at night', { seconds: 10, aspect: '16:9' }],
    );
    await assert.rejects(
      editTask(t.db, { userId, taskId: task.id, params: { seconds: 12 } }),
      refusedWith('INVALID_INPUT', 'params'),
    );
    await assert.rejects(
      editTask(t.db, { userId, taskId: task.id, prompt: 'x'.repeat(2_001) }),
      refusedWith('INVALID_INPUT', 'prompt_too_long'),
    );
  });

  test('the list holds only the user’s live tasks, newest first', async () => {
    const userId = await newStudioUser(t.db);
    const other = await newStudioUser(t.db);
    const first = await createTask(t.db, { userId, title: 'First', modelId: 'kling' });
    const second = await createTask(t.db, { userId, title: 'Second', modelId: 'hailuo' });
    const gone = await createTask(t.db, { userId, title: 'Gone', modelId: 'kling' });
    await createTask(t.db, { userId: other, title: 'Not mine', modelId: 'kling' });
    await deleteTask(t.db, { userId, taskId: gone.id });
    const list = await listTasks(t.db, { userId });
    assert.deepEqual(
      list.map((s) => [s.task.id, s.status, s.lastRun, s.materialCount]),
      [
        [second.id, 'draft', null, 0],
        [first.id, 'draft', null, 0],
      ],
    );
  });

  test('someone else’s task is not found for every operation, like a deleted one', async () => {
    const owner = await newStudioUser(t.db);
    const stranger = await newStudioUser(t.db);
    const task = await createTask(t.db, { userId: owner, title: 'Private', modelId: 'kling' });
    const upload = await uploadSample(files(), stranger, 'video');
    const ownUpload = await uploadSample(files(), owner, 'video');
    const material = await addMaterial(t.db, { userId: owner, taskId: task.id, fileId: ownUpload.id });
    const asStranger = { userId: stranger, taskId: task.id };
    const attempts = [
      () => getTask(t.db, asStranger),
      () => editTask(t.db, { ...asStranger, title: 'Mine now' }),
      () => addMaterial(t.db, { ...asStranger, fileId: upload.id }),
      () => replaceMaterial(t.db, { ...asStranger, materialId: material.id, fileId: upload.id }),
      () => removeMaterial(t.db, { ...asStranger, materialId: material.id }),
      () => deleteTask(t.db, asStranger),
    ];
    for (const attempt of attempts) await assert.rejects(attempt(), refusedWith('NOT_FOUND'));
    const unchanged = await getTask(t.db, { userId: owner, taskId: task.id });
    assert.equal(unchanged.task.title, 'Private');
    assert.deepEqual(
      unchanged.materials.map((m) => m.fileId),
      [ownUpload.id],
    );
    await deleteTask(t.db, { userId: owner, taskId: task.id });
    await assert.rejects(getTask(t.db, { userId: owner, taskId: task.id }), refusedWith('NOT_FOUND'));
  });
});

describe('materials', () => {
  test('one video, one audio and one image; a second of a kind is refused with the limit', async () => {
    const userId = await newStudioUser(t.db);
    const task = await createTask(t.db, { userId, title: 'Clip', modelId: 'kling' });
    for (const kind of ['video', 'audio', 'image'] as const) {
      const file = await uploadSample(files(), userId, kind);
      const material = await addMaterial(t.db, { userId, taskId: task.id, fileId: file.id });
      assert.equal(material.kind, kind);
    }
    const extra = await uploadSample(files(), userId, 'video');
    await assert.rejects(
      addMaterial(t.db, { userId, taskId: task.id, fileId: extra.id }),
      (error: unknown) =>
        isAppError(error, 'TASK_MATERIAL_LIMIT') && error.details.kind === 'video' && error.details.max === 1,
    );
    const details = await getTask(t.db, { userId, taskId: task.id });
    assert.deepEqual(
      details.materials.map((m) => [m.kind, m.position]),
      [
        ['video', 0],
        ['audio', 1],
        ['image', 2],
      ],
    );
    assert.ok(details.materials.every((m) => m.file !== null));
  });

  test('two uploads attached at once cannot both slip under the limit', async () => {
    const userId = await newStudioUser(t.db);
    const task = await createTask(t.db, { userId, title: 'Race', modelId: 'kling' });
    const a = await uploadSample(files(), userId, 'audio');
    const b = await uploadSample(files(), userId, 'audio');
    const results = await Promise.allSettled([
      addMaterial(t.db, { userId, taskId: task.id, fileId: a.id }),
      addMaterial(t.db, { userId, taskId: task.id, fileId: b.id }),
    ]);
    assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
    assert.equal(await t.db.taskMaterial.count({ where: { taskId: task.id } }), 1);
  });

  test('only the user’s own, still stored, media uploads; a named kind must match the upload', async () => {
    const userId = await newStudioUser(t.db);
    const other = await newStudioUser(t.db);
    const task = await createTask(t.db, { userId, title: 'Checks', modelId: 'kling' });
    const add = (fileId: string, kind?: 'video' | 'audio' | 'image') =>
      addMaterial(t.db, { userId, taskId: task.id, fileId, kind });
    const theirs = await uploadSample(files(), other, 'video');
    await assert.rejects(add(theirs.id), refusedWith('NOT_FOUND'));
    await assert.rejects(add('no-such-file'), refusedWith('NOT_FOUND'));
    const doc = await uploadSample(files(), userId, 'document');
    await assert.rejects(add(doc.id), refusedWith('FILE_TYPE_NOT_ALLOWED'));
    const expired = await uploadSample(files(), userId, 'video');
    await t.db.storedFile.update({
      where: { id: expired.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await assert.rejects(add(expired.id), refusedWith('NOT_FOUND'));
    const audio = await uploadSample(files(), userId, 'audio');
    await assert.rejects(add(audio.id, 'video'), refusedWith('INVALID_INPUT', 'material_kind'));
    assert.equal(await t.db.taskMaterial.count({ where: { taskId: task.id } }), 0);
    // A refused attach leaves the upload's expiry as it was.
    const row = await t.db.storedFile.findUniqueOrThrow({ where: { id: audio.id } });
    assert.ok(row.expiresAt);
  });

  test('an attached upload is kept while the task holds it; replaced, removed or deleted, it gets three days', async () => {
    const userId = await newStudioUser(t.db);
    const task = await createTask(t.db, { userId, title: 'Keep', modelId: 'kling' });
    const first = await uploadSample(files(), userId, 'video');
    const second = await uploadSample(files(), userId, 'video');
    const audio = await uploadSample(files(), userId, 'audio');
    const expiry = async (id: string) =>
      (await t.db.storedFile.findUniqueOrThrow({ where: { id } })).expiresAt;
    const material = await addMaterial(t.db, { userId, taskId: task.id, fileId: first.id });
    const audioMaterial = await addMaterial(t.db, { userId, taskId: task.id, fileId: audio.id });
    assert.equal(await expiry(first.id), null);

    const before = Date.now();
    const replaced = await replaceMaterial(t.db, {
      userId,
      taskId: task.id,
      materialId: material.id,
      fileId: second.id,
    });
    assert.deepEqual([replaced.id, replaced.kind, replaced.position], [material.id, 'video', 0]);
    assert.equal(await expiry(second.id), null);
    const released = (await expiry(first.id))?.getTime() ?? 0;
    assert.ok(released >= before + FILE_TTL_MS - 1000 && released <= Date.now() + FILE_TTL_MS);

    await assert.rejects(
      replaceMaterial(t.db, { userId, taskId: task.id, materialId: material.id, fileId: audio.id }),
      refusedWith('INVALID_INPUT', 'material_kind'),
    );
    await removeMaterial(t.db, { userId, taskId: task.id, materialId: audioMaterial.id });
    assert.ok(await expiry(audio.id));
    assert.equal(await t.db.taskMaterial.count({ where: { taskId: task.id } }), 1);

    // The same upload in a second task stays kept until neither holds it.
    const twin = await createTask(t.db, { userId, title: 'Twin', modelId: 'kling' });
    await addMaterial(t.db, { userId, taskId: twin.id, fileId: second.id });
    await deleteTask(t.db, { userId, taskId: task.id });
    assert.equal(await expiry(second.id), null);
    await deleteTask(t.db, { userId, taskId: twin.id });
    assert.ok(await expiry(second.id));
  });
});
