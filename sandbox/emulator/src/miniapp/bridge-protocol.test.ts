import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { encodeClientEvent, parseBridgeMessage } from './bridge-protocol.ts';

const post = (eventType: string, eventData?: unknown) => JSON.stringify({ eventType, eventData });

describe('the Mini Apps protocol as the panel reads it', () => {
  test('methods with their parameters, as @telegram-apps/sdk posts them', () => {
    assert.deepEqual(parseBridgeMessage(post('web_app_setup_back_button', { is_visible: true })), {
      kind: 'call',
      call: { method: 'web_app_setup_back_button', params: { is_visible: true } },
    });
    const main = parseBridgeMessage(
      post('web_app_setup_main_button', {
        is_visible: true,
        is_active: true,
        is_progress_visible: false,
        text: 'Buy',
        color: '#3390ec',
        text_color: '#ffffff',
        has_shine_effect: false,
      }),
    );
    assert.ok(main?.kind === 'call' && main.call.method === 'web_app_setup_main_button');
    assert.equal(main.call.params.text, 'Buy');
    assert.deepEqual(parseBridgeMessage(post('web_app_open_invoice', { slug: 'abc_-1' })), {
      kind: 'call',
      call: { method: 'web_app_open_invoice', params: { slug: 'abc_-1' } },
    });
    assert.deepEqual(parseBridgeMessage(JSON.stringify({ eventType: 'web_app_ready' })), {
      kind: 'call',
      call: { method: 'web_app_ready', params: undefined },
    });
  });

  test('unknown methods are ignored, bad parameters reported, other messages are not the protocol', () => {
    assert.deepEqual(parseBridgeMessage(post('web_app_trigger_haptic_feedback', { type: 'impact' })), {
      kind: 'ignored',
      method: 'web_app_trigger_haptic_feedback',
    });
    const bad = parseBridgeMessage(post('web_app_open_tg_link', { path_full: 'https://evil.example' }));
    assert.equal(bad?.kind, 'invalid');
    assert.equal(parseBridgeMessage('not json'), undefined);
    assert.equal(
      parseBridgeMessage({ eventType: 'web_app_ready' }),
      undefined,
      'objects are not the wire format',
    );
    assert.equal(parseBridgeMessage(JSON.stringify({ type: 'webpackOk' })), undefined);
  });

  test('events are encoded the way the SDK parses them, without eventData when there is none', () => {
    assert.equal(encodeClientEvent('main_button_pressed', undefined), '{"eventType":"main_button_pressed"}');
    assert.deepEqual(JSON.parse(encodeClientEvent('invoice_closed', { slug: 's', status: 'paid' })), {
      eventType: 'invoice_closed',
      eventData: { slug: 's', status: 'paid' },
    });
  });
});
