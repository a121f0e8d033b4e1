import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { LOCALES_DIR, loadTranslator } from './translator.ts';

const ROOT = join(LOCALES_DIR, '..');
const translator = loadTranslator(LOCALES_DIR);

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (['node_modules', 'generated', 'dist'].includes(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

test('every Fluent key exists in both languages', () => {
  const en = new Set(translator.keys('en'));
  const ru = new Set(translator.keys('ru'));
  assert.deepEqual(
    [...en].filter((k) => !ru.has(k)),
    [],
    'missing in ru',
  );
  assert.deepEqual(
    [...ru].filter((k) => !en.has(k)),
    [],
    'missing in en',
  );
  assert.ok(en.size > 50);
});

test('every key the code asks for by name exists', () => {
  const used = new Set<string>();
  for (const dir of ['bots', 'server', 'core', 'workers', 'miniapp/src']) {
    for (const file of sourceFiles(join(ROOT, dir))) {
      for (const m of readFileSync(file, 'utf8').matchAll(
        /\b(?:t|tr)\(\s*(?:[a-zA-Z.]+,\s*|'(?:en|ru)',\s*)?'([a-z0-9-]+)'/g,
      )) {
        if (m[1]) used.add(m[1]);
      }
    }
  }
  assert.ok(used.size > 30, `found only ${used.size} keys in code`);
  const missing = [...used].filter((key) => !translator.has('en', key) || !translator.has('ru', key));
  assert.deepEqual(missing, []);
});

test('messages format with their variables and without isolation marks', () => {
  const text = translator.t('ru', 'email-code-wrong', { left: 3 });
  assert.equal(text, 'Неверный код. Осталось 3 попытки.');
  assert.equal(translator.t('en', 'email-code-wrong', { left: 1 }), 'Wrong code. 1 try left.');
  assert.ok(!/[\u2068\u2069]/.test(translator.t('en', 'ban-notice', { reason: 'spam' })));
});
