import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { DESTINATION_PROMPT_KEYS, METHOD_LABEL_KEYS } from './payout-method-keys.ts';
import { PAYOUT_METHODS } from './payout-methods.ts';

const translator = loadTranslator(LOCALES_DIR);

test('every method has a name, a question and a refusal of its own in both languages', () => {
  for (const method of PAYOUT_METHODS) {
    for (const key of [METHOD_LABEL_KEYS[method], DESTINATION_PROMPT_KEYS[method]]) {
      assert.ok(translator.has('en', key) && translator.has('ru', key), key);
    }
  }
  // The refusal selects on the method: each must reach its own variant, not the default one.
  for (const lang of ['en', 'ru'] as const) {
    const texts = PAYOUT_METHODS.map((method) =>
      translator.t(lang, 'payout-error-destination-invalid', { method, field: 'destination' }),
    );
    assert.equal(new Set(texts).size, PAYOUT_METHODS.length, lang);
    assert.notEqual(
      translator.t(lang, 'payout-error-destination-invalid', { method: 'sbp_rub', field: 'bankName' }),
      texts[1],
    );
  }
});
