import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pino from 'pino';
import { startRemnawaveStandIn, type TRemnawaveStandIn } from '#sandbox/remnawave/remnawave-stand-in.ts';
import { checkPanelAtStart } from './panel-availability.ts';
import { panelFromEnv, type TVpnConfig } from './panel-from-env.ts';

let panel: TRemnawaveStandIn;
let config: TVpnConfig;
const lines: string[] = [];
const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });

before(async () => {
  panel = await startRemnawaveStandIn({ port: 0 });
  config = {
    REMNAWAVE_URL: panel.url,
    REMNAWAVE_TOKEN: panel.token,
    REMNAWAVE_EXTRA_HEADERS: {},
    REMNAWAVE_TIMEOUT_MS: 2_000,
    REMNAWAVE_MAX_ATTEMPTS: 1,
    VPN_SQUADS: { standard: 'Default-Squad', premium: 'Premium' },
    VPN_TRIAL_AT_SIGNUP: true,
  };
});
after(async () => {
  panel.control.setVersion('3.3.2');
  await checkPanelAtStart(config, logger);
  await panel.close();
});

test('a panel version we do not speak switches the VPN service off with a message naming it', async () => {
  panel.control.setVersion('2.8.1');
  const check = await checkPanelAtStart(config, logger);
  assert.equal(check.status, 'unsupported');
  assert.match(check.status === 'unsupported' ? check.message : '', /2\.8\.1/);
  assert.equal(panelFromEnv(config), null, 'every VPN screen and job sees the service off');
  assert.ok(
    lines.some((l) => l.includes('VPN service stopped') && l.includes('2.8.1')),
    'the log names the version',
  );

  panel.control.setVersion('3.3.2');
  assert.deepEqual(await checkPanelAtStart(config, logger), { status: 'ok', version: '3.3.2' });
  assert.ok(panelFromEnv(config), 'a supported panel turns it back on at the next start');
});

test('an unreachable panel keeps the service on: calls retry until it is back', async () => {
  const down = { ...config, REMNAWAVE_URL: 'http://127.0.0.1:9' };
  const check = await checkPanelAtStart(down, logger);
  assert.equal(check.status, 'unreachable');
  assert.ok(panelFromEnv(down));
});
