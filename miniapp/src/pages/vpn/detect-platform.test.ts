import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectPlatform } from './detect-platform.ts';

const UA = {
  iphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  android:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36',
  androidTv:
    'Mozilla/5.0 (Linux; Android 11; BRAVIA 4K VH2 Build/RTM6.230109.208; wv) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36',
  mac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
  windows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
  linux: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
};

test("the user agent names the device; Android's 'Linux' is not desktop Linux", () => {
  assert.equal(detectPlatform(UA.iphone, 'unknown'), 'ios');
  assert.equal(detectPlatform(UA.android, 'unknown'), 'android');
  assert.equal(detectPlatform(UA.androidTv, 'unknown'), 'tv');
  assert.equal(detectPlatform(UA.mac, 'unknown'), 'macos');
  assert.equal(detectPlatform(UA.windows, 'unknown'), 'windows');
  assert.equal(detectPlatform(UA.linux, 'unknown'), 'linux');
});

test("Telegram's platform wins over the user agent, except Telegram Desktop, which runs on every OS", () => {
  // iPadOS webviews report a Mac user agent; Telegram's own "ios" is right.
  assert.equal(detectPlatform(UA.mac, 'ios'), 'ios');
  assert.equal(detectPlatform(UA.linux, 'android'), 'android');
  assert.equal(detectPlatform(UA.windows, 'tdesktop'), 'windows');
  assert.equal(detectPlatform(UA.mac, 'tdesktop'), 'macos');
  assert.equal(detectPlatform(UA.linux, 'tdesktop'), 'linux');
});
