import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPrivateKey } from './ssh-private-key.ts';

// Throwaway keys made with ssh-keygen for this test (the second with the passphrase "pass").
const OPENSSH_KEY = [
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
  'QyNTUxOQAAACA81OOGsdX2smpB0p3B5hxPM+sIvQ93DhlffvyZ/N1hyAAAAIj2q09T9qtP',
  'UwAAAAtzc2gtZWQyNTUxOQAAACA81OOGsdX2smpB0p3B5hxPM+sIvQ93DhlffvyZ/N1hyA',
  'AAAECYocVmnsGQIIhpHks0jzJUe2B4hQ4isuPDFX6/R8XnOjzU44ax1fayakHSncHmHE8z',
  '6wi9D3cOGV9+/Jn83WHIAAAAAXQBAgME',
  '-----END OPENSSH PRIVATE KEY-----',
].join('\n');
const OPENSSH_KEY_WITH_PASSPHRASE = [
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  'b3BlbnNzaC1rZXktdjEAAAAACmFlczI1Ni1jdHIAAAAGYmNyeXB0AAAAGAAAABCVcOgWtS',
  'ilDWjy5UgRIUtgAAAAEAAAAAEAAAAzAAAAC3NzaC1lZDI1NTE5AAAAIHWS/swQQ6C5GFbM',
  'af3adrNsQJRism6E14t2yKEWU4BYAAAAkOcbHLgbdYLc+k15+saWkMsk8auHiTJ5nQ0LQa',
  'unaHYO8xuPah5cO7U/9/EpshhlBncRTFIf8knzn4M9BlfsbTwVVmgfvvDvQta30slg7P9a',
  'n49MEmmFoJ+pFrYPKIuHnSJDDkwGfdlpVfXzigdvp4KARgUiaWNcMqknZJlx2Z6XZM0mh/',
  '+oaZrIf4zo1P4dtQ==',
  '-----END OPENSSH PRIVATE KEY-----',
].join('\n');
const PKCS8_KEY = [
  '-----BEGIN PRIVATE KEY-----',
  'MC4CAQAwBQYDK2VwBCIEIOw2D657w3b44KUUa3UcVrfSqPyBX9onn9s++L9Lh8oO',
  '-----END PRIVATE KEY-----',
].join('\n');

test('private keys without a passphrase are accepted, with surrounding blank lines or CRLF', () => {
  assert.equal(checkPrivateKey(OPENSSH_KEY), 'ok');
  assert.equal(checkPrivateKey(`\n${OPENSSH_KEY}\n\n`), 'ok');
  assert.equal(checkPrivateKey(OPENSSH_KEY.replaceAll('\n', '\r\n')), 'ok');
  assert.equal(checkPrivateKey(PKCS8_KEY), 'ok');
});

test('a passphrase-protected key is told apart: we cannot type the passphrase on every connection', () => {
  assert.equal(checkPrivateKey(OPENSSH_KEY_WITH_PASSPHRASE), 'encrypted');
  assert.equal(checkPrivateKey(PKCS8_KEY.replaceAll(' PRIVATE KEY', ' ENCRYPTED PRIVATE KEY')), 'encrypted');
  const legacy = [
    '-----BEGIN RSA PRIVATE KEY-----',
    'Proc-Type: 4,ENCRYPTED',
    'DEK-Info: AES-128-CBC,0011',
    '',
    'QUJD',
    '-----END RSA PRIVATE KEY-----',
  ];
  assert.equal(checkPrivateKey(legacy.join('\n')), 'encrypted');
});

test('a public key, a truncated paste and mismatched markers are not keys we can use', () => {
  assert.equal(checkPrivateKey('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHWS/swQQ6C5GFbM me@laptop'), 'public');
  assert.equal(checkPrivateKey(OPENSSH_KEY.split('\n').slice(0, 3).join('\n')), 'invalid');
  assert.equal(checkPrivateKey(OPENSSH_KEY.replace('END OPENSSH', 'END RSA')), 'invalid');
  assert.equal(
    checkPrivateKey(
      ['-----BEGIN OPENSSH PRIVATE KEY-----', 'aGVsbG8gd29ybGQ=', '-----END OPENSSH PRIVATE KEY-----'].join(
        '\n',
      ),
    ),
    'invalid',
  );
  assert.equal(checkPrivateKey('hunter2'), 'invalid');
});
