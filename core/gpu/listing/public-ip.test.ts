import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPublicIp } from './public-ip.ts';

test('public IPv4 and global IPv6 addresses are accepted', () => {
  for (const ip of [
    '8.8.8.8',
    '1.1.1.1',
    '185.199.108.153',
    '172.15.255.255',
    '172.32.0.1',
    '100.63.255.255',
  ])
    assert.deepEqual(checkPublicIp(ip), { ok: true, version: 4 }, ip);
  for (const ip of ['2606:4700:4700::1111', '2a00:1450:4001:82a::200e', '2001:4860:4860::8888'])
    assert.deepEqual(checkPublicIp(ip), { ok: true, version: 6 }, ip);
});

test('private, loopback, link-local, CGNAT, documentation, multicast and reserved addresses are refused', () => {
  const refused = [
    '10.0.0.5',
    '172.16.0.1',
    '172.31.255.254',
    '192.168.1.10',
    '127.0.0.1',
    '0.0.0.0',
    '169.254.10.1',
    '100.64.0.1',
    '100.127.255.255',
    '192.0.2.7',
    '198.51.100.1',
    '203.0.113.9',
    '198.19.0.1',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fe80::1%eth0',
    'fd12:3456:789a::1',
    'fc00::1',
    'ff02::1',
    '2001:db8::1',
    '2001:0:4136:e378:8000:63bf:3fff:fdd2',
    '::ffff:192.168.1.1',
    '::ffff:8.8.8.8',
  ];
  for (const ip of refused) assert.deepEqual(checkPublicIp(ip), { ok: false, reason: 'not_public' }, ip);
});

test('text that is not an address is invalid, not "private"', () => {
  for (const ip of [
    '',
    'localhost',
    '256.1.1.1',
    '1.2.3',
    '01.2.3.4',
    ' 8.8.8.8',
    '[2606:4700::1]',
    'gpu.example.com',
  ])
    assert.deepEqual(checkPublicIp(ip), { ok: false, reason: 'invalid' }, ip);
});
