import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '#core/errors/app-error.ts';
import { LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { chatFailureView } from './chat-failure.ts';
import type { TTr } from './dialog-views.ts';

const translator = loadTranslator(LOCALES_DIR);
const failed = (failure: string) => new AppError('PROVIDER_ERROR', { failure });

test('only a content refusal the provider stated is worded as one', () => {
  for (const lang of ['en', 'ru'] as const) {
    const tr: TTr = (key, args) => translator.t(lang, key, args);
    assert.equal(
      chatFailureView(tr, lang, failed('content_refused')).text,
      tr('chat-failed-content-refused'),
    );
    // A rejected request, an outage, a timeout: the model could not answer this time, nothing charged.
    for (const failure of ['rejected', 'unavailable', 'timeout', 'empty_reply']) {
      assert.equal(chatFailureView(tr, lang, failed(failure)).text, tr('chat-failed'), failure);
      assert.equal(
        chatFailureView(tr, lang, failed(failure), 'chat-voice-failed').text,
        tr('chat-voice-failed'),
      );
    }
  }
  assert.match(translator.t('en', 'chat-failed-content-refused'), /content rules\. Nothing was charged/);
  assert.match(translator.t('en', 'chat-failed'), /couldn't answer this time\. Nothing was charged/);
});
