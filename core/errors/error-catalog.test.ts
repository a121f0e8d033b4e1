import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { FluentResource } from '@fluent/bundle';
import { LANGUAGES, LOCALES_DIR, loadTranslator, type TLang } from '#core/i18n/translator.ts';
import { createServiceRegistry, REGISTRY, SERVICES } from '#core/services/registry.ts';
import { AppError } from './app-error.ts';

const ROOT = join(LOCALES_DIR, '..');
const translator = loadTranslator(LOCALES_DIR);

// @ts-expect-error A code no catalog declares does not compile.
new AppError('NOPE');

/** The variables a Fluent message uses, selectors and function arguments included. */
function fluentVariables(lang: TLang): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const walk = (node: unknown, into: Set<string>): void => {
    if (Array.isArray(node)) for (const item of node) walk(item, into);
    else if (node && typeof node === 'object') {
      const { type, name } = node as { type?: string; name?: string };
      if (type === 'var' && name) into.add(name);
      for (const value of Object.values(node)) walk(value, into);
    }
  };
  const dir = join(LOCALES_DIR, lang);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ftl'))) {
    for (const message of new FluentResource(readFileSync(join(dir, file), 'utf8')).body) {
      const names = new Set<string>();
      walk(message.value, names);
      found.set(message.id, names);
    }
  }
  return found;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (['node_modules', 'generated', 'dist'].includes(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/** Top-level keys of the object literal that opens `source` at `start` (`{ a: 1, b }` → a, b). */
function literalKeys(source: string, start: number): Set<string> {
  const keys = new Set<string>();
  let depth = 0;
  let expectKey = false;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === '{' || c === '(' || c === '[') {
      depth++;
      if (depth === 1) expectKey = true;
    } else if (c === '}' || c === ')' || c === ']') {
      depth--;
      if (depth === 0) return keys;
    } else if (depth === 1 && c === ',') expectKey = true;
    else if (depth === 1 && expectKey && /[A-Za-z_$]/.test(c ?? '')) {
      const key = /^[A-Za-z_$][\w$]*/.exec(source.slice(i))?.[0] ?? '';
      keys.add(key);
      i += key.length - 1;
      expectKey = false;
    }
  }
  return keys;
}

/** Every `new AppError('CODE'…)` outside tests, with the detail keys it sets (null when not a literal). */
function throwSites(): { code: string; file: string; details: Set<string> | null }[] {
  const sites: { code: string; file: string; details: Set<string> | null }[] = [];
  for (const dir of ['core', 'server', 'bots', 'workers']) {
    for (const file of sourceFiles(join(ROOT, dir))) {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/new AppError\(\s*'([A-Z_]+)'\s*(\)|,\s*(\{)?)/g)) {
        const code = m[1] ?? '';
        const at = (m.index ?? 0) + m[0].length - 1;
        const details = m[2] === ')' ? new Set<string>() : m[3] ? literalKeys(source, at) : null;
        sites.push({ code, file: relative(ROOT, file), details });
      }
    }
  }
  return sites;
}

test('every code has a status in 400-599 and its bot and API messages in every language', () => {
  assert.ok(REGISTRY.errors.size >= 47, `only ${REGISTRY.errors.size} codes`);
  const missing: string[] = [];
  for (const [code, spec] of REGISTRY.errors) {
    assert.ok(spec.status >= 400 && spec.status <= 599, `${code}: status ${spec.status}`);
    for (const lang of LANGUAGES)
      for (const key of [spec.bot, spec.api])
        if (!translator.has(lang, key)) missing.push(`${code}: ${lang}/${key}`);
  }
  assert.deepEqual(missing, []);
});

test('every code thrown anywhere is in the merged catalog', () => {
  const sites = throwSites();
  assert.ok(sites.length > 150, `found only ${sites.length} throw sites`);
  const unknown = sites.filter((site) => !REGISTRY.errors.has(site.code)).map((s) => `${s.file} ${s.code}`);
  assert.deepEqual(unknown, []);
});

test('a message uses only details that every throw site of its code sets', () => {
  const variables = fluentVariables('en');
  const gaps: string[] = [];
  for (const site of throwSites()) {
    const spec = REGISTRY.errors.get(site.code);
    if (!spec || site.details === null) continue;
    for (const key of new Set([spec.bot, spec.api]))
      for (const name of variables.get(key) ?? [])
        if (!site.details.has(name)) gaps.push(`${site.file} ${site.code}: ${key} needs $${name}`);
  }
  assert.deepEqual(gaps, []);
});

test('a message has the same placeholders in every language', () => {
  const [first, ...others] = LANGUAGES.map((lang) => fluentVariables(lang));
  const differ: string[] = [];
  for (const spec of REGISTRY.errors.values()) {
    for (const key of [spec.bot, spec.api]) {
      const expected = [...(first?.get(key) ?? [])].sort();
      for (const other of others)
        if (JSON.stringify([...(other.get(key) ?? [])].sort()) !== JSON.stringify(expected)) differ.push(key);
    }
  }
  assert.deepEqual(differ, []);
});

test('a message formats with its details: placeholders filled, Dates as ISO', () => {
  const spec = REGISTRY.error('EMAIL_CODE_WRONG');
  assert.equal(translator.t('ru', spec.api, { attemptsLeft: 3 }), 'Неверный код. Осталось 3 попытки.');
  assert.equal(REGISTRY.error('FILE_TOO_LARGE').status, 413);
});

test('two catalogs declaring one code stop start-up', () => {
  const [first] = SERVICES;
  assert.ok(first);
  const clash = { ...first, id: 'clash', products: [], fulfilments: [], operations: [] };
  assert.throws(
    () =>
      createServiceRegistry([
        ...SERVICES,
        { ...clash, errors: { NOT_FOUND: { status: 404, bot: 'x', api: 'x' } } },
      ]),
    /duplicate error code NOT_FOUND/,
  );
});
