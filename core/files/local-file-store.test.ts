import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { isAppError } from '#core/errors/app-error.ts';
import { assertValidKey, fileKeyFor } from './file-keys.ts';
import { createLocalFileStore } from './local-file-store.ts';

let root: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'polygram-files-'));
});
after(() => rm(root, { recursive: true, force: true }));

const invalid = (error: unknown) => isAppError(error, 'INVALID_INPUT');

describe('file keys', () => {
  test('keys that could leave the store root are refused', () => {
    for (const key of [
      '../etc/passwd',
      'images/../../etc/passwd',
      'images/..',
      'images/./a.jpg',
      '/images/a.jpg',
      'images//a.jpg',
      'images\\..\\a.jpg',
      'images/.hidden',
      'images/a.jpg/',
      'images/%2e%2e/a.jpg',
      'analytics/events.ndjson',
      'images',
      '',
      `images/${'a'.repeat(600)}`,
    ])
      assert.throws(() => assertValidKey(key), invalid, key);
    assert.doesNotThrow(() => assertValidKey('images/2026/12/06/Ab_c-1.original.png'));
    assert.doesNotThrow(
      () => assertValidKey('videos/2026/12/06/-x_Y.mp4'),
      'base64url ids may start with - or _',
    );
  });

  test('a key is the kind folder, the UTC date, the id and the extension', () => {
    const at = new Date('2026-12-06T23:30:00Z');
    assert.equal(fileKeyFor({ kind: 'video', id: 'Xy_1', ext: 'mp4', at }), 'videos/2026/12/06/Xy_1.mp4');
    assert.equal(
      fileKeyFor({ kind: 'image', id: 'Xy_1', ext: 'png', at, original: true }),
      'images/2026/12/06/Xy_1.original.png',
    );
    assert.throws(() => fileKeyFor({ kind: 'image', id: '../x', ext: 'jpg', at }), invalid);
  });
});

describe('local file store', () => {
  test('round trip: put, read, stream a range, delete twice', async () => {
    const store = createLocalFileStore(root);
    const data = randomBytes(10_000);
    await store.put('images/2026/12/06/a.jpg', data, 'image/jpeg');
    assert.ok((await readFile(join(root, 'images/2026/12/06/a.jpg'))).equals(data));
    assert.ok((await store.read('images/2026/12/06/a.jpg')).equals(data));
    const chunks: Buffer[] = [];
    for await (const chunk of await store.stream('images/2026/12/06/a.jpg', { start: 10, end: 19 }))
      chunks.push(chunk as Buffer);
    assert.ok(Buffer.concat(chunks).equals(data.subarray(10, 20)));
    await store.delete('images/2026/12/06/a.jpg');
    await store.delete('images/2026/12/06/a.jpg');
    await assert.rejects(store.read('images/2026/12/06/a.jpg'), (e) => isAppError(e, 'NOT_FOUND'));
    await assert.rejects(store.stream('images/2026/12/06/a.jpg'), (e) => isAppError(e, 'NOT_FOUND'));
  });

  test('putFile copies, and a replaced file is swapped whole; no partial files stay behind', async () => {
    const store = createLocalFileStore(root);
    const source = join(root, 'source.bin');
    await writeFile(source, Buffer.alloc(2_000_000, 7));
    await store.putFile('videos/2026/12/06/v.mp4', source, 'video/mp4');
    await store.put('videos/2026/12/06/v.mp4', Buffer.from('second'), 'video/mp4');
    assert.equal((await store.read('videos/2026/12/06/v.mp4')).toString(), 'second');
    assert.deepEqual(await readdir(join(root, '.partial')), []);
    await assert.rejects(store.putFile('videos/2026/12/06/w.mp4', join(root, 'missing'), 'video/mp4'));
    assert.deepEqual(await readdir(join(root, '.partial')), []);
  });

  test('every operation refuses a key outside the root before touching the disk', async () => {
    const store = createLocalFileStore(join(root, 'inner'));
    await writeFile(join(root, 'outside.txt'), 'secret');
    await assert.rejects(store.read('../outside.txt'), invalid);
    await assert.rejects(store.stream('documents/../../outside.txt'), invalid);
    await assert.rejects(store.delete('../outside.txt'), invalid);
    await assert.rejects(store.put('../outside.txt', Buffer.from('x'), 'text/plain'), invalid);
    assert.equal(await readFile(join(root, 'outside.txt'), 'utf8'), 'secret');
  });
});
