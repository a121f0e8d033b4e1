import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isIpInRanges, parseRange } from './cidr-match.ts';
import { isYooKassaIp, parseYooKassaNotification } from './yookassa-notification.ts';

describe('isYooKassaIp with the published ranges', () => {
  test('IPv4: both edges of each /27 and /25, nothing past them', () => {
    for (const ip of ['185.71.76.0', '185.71.76.31', '185.71.77.0', '185.71.77.31'])
      assert.ok(isYooKassaIp(ip), ip);
    for (const ip of ['185.71.76.32', '185.71.75.255', '185.71.77.32']) assert.ok(!isYooKassaIp(ip), ip);
    for (const ip of ['77.75.153.0', '77.75.153.127', '77.75.154.128', '77.75.154.255'])
      assert.ok(isYooKassaIp(ip), ip);
    for (const ip of ['77.75.153.128', '77.75.154.127', '77.75.152.255']) assert.ok(!isYooKassaIp(ip), ip);
  });

  test('IPv4 single hosts match only themselves', () => {
    assert.ok(isYooKassaIp('77.75.156.11'));
    assert.ok(isYooKassaIp('77.75.156.35'));
    assert.ok(!isYooKassaIp('77.75.156.12'));
    assert.ok(!isYooKassaIp('77.75.156.34'));
  });

  test('IPv6 /32 in any spelling, and its edges', () => {
    for (const ip of [
      '2a02:5180::1',
      '2A02:5180:0:0:0:0:0:1',
      '2a02:5180:ffff:ffff:ffff:ffff:ffff:ffff',
      '2a02:5180::',
    ]) {
      assert.ok(isYooKassaIp(ip), ip);
    }
    for (const ip of ['2a02:5181::', '2a02:517f:ffff:ffff:ffff:ffff:ffff:ffff', '::1', '2001:db8::1']) {
      assert.ok(!isYooKassaIp(ip), ip);
    }
  });

  test('IPv4-mapped IPv6, as Node reports IPv4 peers on a dual-stack socket', () => {
    assert.ok(isYooKassaIp('::ffff:185.71.76.10'));
    assert.ok(isYooKassaIp('::ffff:b947:4c0a')); // the same address in hex groups
    assert.ok(!isYooKassaIp('::ffff:127.0.0.1'));
  });

  test('garbage and look-alikes are refused, not thrown', () => {
    for (const ip of [
      '',
      'localhost',
      '185.71.76',
      '185.71.76.1.1',
      '185.71.76.256',
      '2a02:5180::g',
      ' ',
      '::ffff:999.1.1.1',
    ]) {
      assert.equal(isYooKassaIp(ip), false, ip);
    }
  });
});

describe('CIDR ranges', () => {
  test('prefix lengths that do not fall on a byte boundary', () => {
    assert.ok(isIpInRanges('10.0.0.7', ['10.0.0.4/30']));
    assert.ok(!isIpInRanges('10.0.0.8', ['10.0.0.4/30']));
    assert.ok(isIpInRanges('fe80::1%eth0', ['fe80::/10']));
    assert.ok(isIpInRanges('febf::1', ['fe80::/10']));
    assert.ok(!isIpInRanges('fec0::1', ['fe80::/10']));
  });

  test('/0 matches every address of its family only', () => {
    assert.ok(isIpInRanges('8.8.8.8', ['0.0.0.0/0']));
    assert.ok(!isIpInRanges('2001:db8::1', ['0.0.0.0/0']));
    assert.ok(isIpInRanges('2001:db8::1', ['::/0']));
  });

  test('a malformed range throws instead of matching nothing', () => {
    for (const bad of ['185.71.76.0/33', '2a02::/129', '185.71.76.0/', 'x/8', '1.2.3.4/8/8', '1.2.3.4/-1']) {
      assert.throws(() => parseRange(bad), RangeError, bad);
    }
  });

  test('loopback can be allowed for local stand-ins', () => {
    assert.ok(isYooKassaIp('127.0.0.1', ['127.0.0.1']));
    assert.ok(isYooKassaIp('::ffff:127.0.0.1', ['127.0.0.1']));
    assert.ok(isYooKassaIp('::1', ['::1/128']));
  });
});

describe('parseYooKassaNotification', () => {
  const payment = {
    id: '2d9f6ac3-000f-5000-9000-1a2b3c4d5e6f',
    status: 'succeeded',
    paid: true,
    amount: { value: '149.00', currency: 'RUB' },
    created_at: '2026-01-01T10:00:00.000Z',
    metadata: { orderId: '42' },
    refundable: true,
    test: true,
  };

  test('a payment notification from raw bytes, amount in minor units', () => {
    const raw = Buffer.from(
      JSON.stringify({ type: 'notification', event: 'payment.succeeded', object: payment }),
    );
    const parsed = parseYooKassaNotification(raw);
    assert.ok(parsed.ok);
    assert.equal(parsed.notification.event, 'payment.succeeded');
    assert.equal(parsed.notification.object.amount.valueMinor, 14900n);
    assert.deepEqual(parsed.notification.object.metadata, { orderId: '42' });
  });

  test('a refund notification', () => {
    const refund = {
      id: 'r1',
      payment_id: payment.id,
      status: 'succeeded',
      amount: { value: '50.00', currency: 'RUB' },
      created_at: '2026-01-01T11:00:00.000Z',
    };
    const parsed = parseYooKassaNotification({
      type: 'notification',
      event: 'refund.succeeded',
      object: refund,
    });
    assert.ok(parsed.ok && parsed.notification.event === 'refund.succeeded');
    assert.equal(parsed.notification.object.payment_id, payment.id);
  });

  test('events Polygram does not handle are told apart from garbage', () => {
    const other = parseYooKassaNotification({ type: 'notification', event: 'payout.succeeded', object: {} });
    assert.deepEqual(other.ok ? null : other.reason, 'unsupported_event');
    const broken = parseYooKassaNotification('{"type":"notification"');
    assert.equal(broken.ok ? null : broken.reason, 'invalid_json');
    const wrong = parseYooKassaNotification({
      type: 'notification',
      event: 'payment.succeeded',
      object: { ...payment, amount: { value: '1.005', currency: 'RUB' } },
    });
    assert.equal(wrong.ok ? null : wrong.reason, 'invalid_notification');
  });
});
