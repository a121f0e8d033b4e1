import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { fileUrlKeyOf, signFileUrl, verifyFileUrl } from './signed-url.ts';

const key = fileUrlKeyOf(randomBytes(32));
const now = new Date('2026-12-06T12:00:00Z');
const inAnHour = new Date(now.getTime() + 3_600_000);

/** What the download route reads back out of a URL. */
function parse(url: string) {
  const parsed = new URL(url, 'https://app.example');
  const q = parsed.searchParams;
  return {
    fileId: decodeURIComponent(parsed.pathname.replace('/files/', '')),
    exp: Number(q.get('exp')),
    download: q.get('download') === '1',
    original: q.get('original') === '1',
    sig: q.get('sig') ?? '',
  };
}

describe('signed file URLs', () => {
  test('a URL is a relative path with the expiry and signature, and verifies as signed', () => {
    const url = signFileUrl(key, { fileId: 'AbC_1-x', expiresAt: inAnHour });
    assert.match(url, /^\/files\/AbC_1-x\?exp=\d+&sig=[A-Za-z0-9_-]{43}$/);
    assert.equal(parse(url).exp, Math.floor(inAnHour.getTime() / 1000));
    assert.deepEqual(verifyFileUrl(key, parse(url), now), { ok: true });
    const download = signFileUrl(key, { fileId: 'AbC_1-x', expiresAt: inAnHour, download: true });
    assert.match(download, /[?&]download=1&/);
    assert.deepEqual(verifyFileUrl(key, parse(download), now), { ok: true });
  });

  test('changing any part, or another key, makes it invalid', () => {
    const good = parse(signFileUrl(key, { fileId: 'file1', expiresAt: inAnHour }));
    const tampered = [
      { ...good, fileId: 'file2' },
      { ...good, exp: good.exp + 3600 },
      { ...good, download: true },
      { ...good, original: true },
      // Both ends: the last character of base64url also holds unused bits that a decoder would ignore.
      { ...good, sig: `${good.sig.slice(0, -1)}${good.sig.endsWith('A') ? 'B' : 'A'}` },
      { ...good, sig: `${good.sig.startsWith('A') ? 'B' : 'A'}${good.sig.slice(1)}` },
      { ...good, sig: good.sig.slice(0, 20) },
      { ...good, sig: '' },
    ];
    for (const url of tampered)
      assert.deepEqual(verifyFileUrl(key, url, now), { ok: false, reason: 'invalid' });
    assert.deepEqual(verifyFileUrl(fileUrlKeyOf(randomBytes(32)), good, now), {
      ok: false,
      reason: 'invalid',
    });
  });

  test('an expired URL is refused as expired, at its expiry second and after', () => {
    const url = parse(signFileUrl(key, { fileId: 'file1', expiresAt: inAnHour }));
    assert.deepEqual(verifyFileUrl(key, url, new Date(inAnHour.getTime() - 1000)), { ok: true });
    assert.deepEqual(verifyFileUrl(key, url, inAnHour), { ok: false, reason: 'expired' });
    assert.deepEqual(verifyFileUrl(key, url, new Date(inAnHour.getTime() + 86_400_000)), {
      ok: false,
      reason: 'expired',
    });
  });

  test('the key is derived for this purpose alone', () => {
    const master = randomBytes(32);
    assert.ok(fileUrlKeyOf(master).equals(fileUrlKeyOf(master)));
    assert.ok(!fileUrlKeyOf(master).equals(master));
  });
});
