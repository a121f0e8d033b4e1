import assert from 'node:assert/strict';
import { test } from 'node:test';
import { metricsAccessRule } from './metrics-access.ts';

const TOKEN = 'm'.repeat(40);

test('with METRICS_TOKEN only the exact bearer token passes, from anywhere, loopback included', () => {
  for (const NODE_ENV of ['production', 'development'] as const) {
    const access = metricsAccessRule({ METRICS_TOKEN: TOKEN, NODE_ENV });
    assert.equal(access({ authorization: `Bearer ${TOKEN}`, address: '203.0.113.7' }), 'allowed');
    assert.equal(access({ authorization: undefined, address: '127.0.0.1' }), 'unauthorized');
    assert.equal(access({ authorization: `Bearer ${TOKEN}x`, address: '127.0.0.1' }), 'unauthorized');
    assert.equal(access({ authorization: TOKEN, address: '127.0.0.1' }), 'unauthorized', 'scheme required');
    assert.equal(access({ authorization: `Basic ${TOKEN}`, address: '127.0.0.1' }), 'unauthorized');
  }
});

test('without METRICS_TOKEN production hides /metrics from everyone, even with a header', () => {
  const access = metricsAccessRule({ METRICS_TOKEN: undefined, NODE_ENV: 'production' });
  assert.equal(access({ authorization: undefined, address: '127.0.0.1' }), 'hidden');
  assert.equal(access({ authorization: 'Bearer anything', address: '::1' }), 'hidden');
});

test('without METRICS_TOKEN development and test serve loopback requests only', () => {
  for (const NODE_ENV of ['development', 'test'] as const) {
    const access = metricsAccessRule({ METRICS_TOKEN: undefined, NODE_ENV });
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'])
      assert.equal(access({ authorization: undefined, address }), 'allowed', address);
    for (const address of ['10.0.0.5', '203.0.113.7', '::ffff:10.0.0.1', '1127.0.0.1', undefined])
      assert.equal(access({ authorization: undefined, address }), 'hidden', String(address));
  }
});
