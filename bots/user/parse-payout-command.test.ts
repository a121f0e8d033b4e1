import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePayoutCommand } from './parse-payout-command.ts';

test('the amount is roubles to the kopeck and the rest is the details, kept as written', () => {
  assert.deepEqual(parsePayoutCommand('500 card 2200 0000 0000 0000'), {
    amount: 50_000n,
    details: 'card 2200 0000 0000 0000',
  });
  assert.deepEqual(parsePayoutCommand(' 1250,50  USDT TRC20\nT9yD… '), {
    amount: 125_050n,
    details: 'USDT TRC20\nT9yD…',
  });
});

test('no details, no amount, a sign or a third decimal are refused', () => {
  for (const line of ['', '500', 'card 500', '-500 card', '500.001 card', '0 card', '5e3 card']) {
    assert.equal(parsePayoutCommand(line), null, line);
  }
});
