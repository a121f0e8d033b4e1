import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const distDir = join(repoRoot, 'dist/miniapp');
const lockDir = join(repoRoot, 'dist/.miniapp-build.lock');

/** The URL Telegram opens: the same builder `npm run dev` uses (signed launch params in the hash). */
export { miniAppLaunchUrl as launchUrl } from '#sandbox/launch/miniapp-launch-url.ts';

/** Waits until the page heading contains `text` (the app renders asynchronously after /api/me). */
export async function waitForTitle(page: Page, text: string): Promise<void> {
  await page.getByTestId('page-title').filter({ hasText: text }).waitFor({ timeout: 15_000 });
}

/** Newest modification time of anything under `path` (a file or a folder walked recursively). */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

/** Everything the bundle is built from: the app, the shared contracts, the Fluent files, the build config. */
function isStale(): boolean {
  const built = join(distDir, 'index.html');
  if (!existsSync(built)) return true;
  const sources = [
    'miniapp/src',
    'miniapp/index.html',
    'miniapp/vite.config.ts',
    'server/contracts',
    'locales',
  ];
  return Math.max(...sources.map((s) => newestMtime(join(repoRoot, s)))) > statSync(built).mtimeMs;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds the Mini App when dist/ is missing or older than its sources (a stale bundle would test old
 * screens). Test files run in parallel: a lock folder lets one build while the others wait, and the
 * build lands in a temporary folder renamed into place, so a running server never sees it half-written.
 */
export function buildMiniAppIfStale(): void {
  if (!isStale()) return;
  mkdirSync(join(repoRoot, 'dist'), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      // A lock older than any build is left over from a killed run.
      if (existsSync(lockDir) && Date.now() - statSync(lockDir).mtimeMs > 120_000)
        rmSync(lockDir, { force: true, recursive: true });
      assert.ok(Date.now() < deadline, 'waited too long for another Mini App build');
      sleep(250);
    }
  }
  try {
    if (!isStale()) return;
    const outDir = `${distDir}.build-${process.pid}`;
    const build = spawnSync(
      'npx',
      ['vite', 'build', '--config', 'miniapp/vite.config.ts', '--outDir', outDir, '--emptyOutDir'],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    assert.equal(build.status, 0, `Mini App build failed:\n${build.stdout}\n${build.stderr}`);
    // Two renames: the app serving the old bundle finds a complete folder at every moment but one.
    const oldDir = `${distDir}.old-${process.pid}`;
    if (existsSync(distDir)) renameSync(distDir, oldDir);
    renameSync(outDir, distDir);
    rmSync(oldDir, { recursive: true, force: true });
  } finally {
    rmdirSync(lockDir);
  }
}
