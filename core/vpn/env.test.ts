import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { vpnEnv } from './env.ts';
import { panelConfigFromEnv } from './panel/panel-config.ts';

const ZVpnEnvSchema = z.object(vpnEnv);

describe('VPN env', () => {
  it('is off without REMNAWAVE_URL', () => {
    assert.equal(panelConfigFromEnv(ZVpnEnvSchema.parse({})), null);
  });

  it('reads the panel URL, token, extra headers, cookie and timeouts', () => {
    const env = ZVpnEnvSchema.parse({
      REMNAWAVE_URL: 'http://remnawave:3000',
      REMNAWAVE_TOKEN: 'token',
      REMNAWAVE_EXTRA_HEADERS: '{"X-Api-Key":"caddy"}',
      REMNAWAVE_COOKIE: 'gate=open',
      REMNAWAVE_TIMEOUT_MS: '5000',
    });
    assert.deepEqual(panelConfigFromEnv(env), {
      baseUrl: 'http://remnawave:3000',
      token: 'token',
      extraHeaders: { 'X-Api-Key': 'caddy' },
      cookie: 'gate=open',
      timeoutMs: 5000,
      maxAttempts: 4,
    });
  });

  it('refuses extra headers that are not a JSON object of strings, and a URL without a token', () => {
    for (const bad of ['not json', '["X-Api-Key"]', '{"X-Api-Key":1}', '{"Bad Header":"x"}'])
      assert.equal(ZVpnEnvSchema.safeParse({ REMNAWAVE_EXTRA_HEADERS: bad }).success, false, bad);
    assert.equal(ZVpnEnvSchema.safeParse({ REMNAWAVE_COOKIE: 'no-equals-sign' }).success, false);
    assert.throws(
      () => panelConfigFromEnv(ZVpnEnvSchema.parse({ REMNAWAVE_URL: 'https://panel.example.test' })),
      /REMNAWAVE_TOKEN/,
    );
  });
});
