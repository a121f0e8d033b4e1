import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '#core/errors/app-error.ts';
import { LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { chatFailure } from './chat-failure-text.ts';

const translator = loadTranslator(LOCALES_DIR);
const failed = (failure: string) => new AppError('PROVIDER_ERROR', { failure });

test('the Mini App chat words only a content refusal the provider stated as one', () => {
  for (const lang of ['en', 'ru'] as const) {
    assert.deepEqual(chatFailure(translator, lang, failed('content_refused')), {
      code: 'PROVIDER_ERROR',
      message: translator.t(lang, 'miniapp-studio-chat-content-refused'),
    });
    for (const failure of ['rejected', 'unavailable', 'timeout'])
      assert.deepEqual(chatFailure(translator, lang, failed(failure)), {
        code: 'PROVIDER_ERROR',
        message: translator.t(lang, 'miniapp-studio-chat-failed'),
      });
  }
});
