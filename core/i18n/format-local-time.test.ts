import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatLocalTime } from './format-local-time.ts';

const at = new Date('2026-11-23T11:05:00Z');
const now = new Date('2026-11-23T10:00:00Z');

test('in the user’s zone with its name; unknown zone: UTC, said so', () => {
  assert.equal(formatLocalTime(at, { timeZone: 'Europe/Moscow', lang: 'ru', now }), '14:05 (МСК)');
  assert.equal(formatLocalTime(at, { timeZone: 'Europe/Moscow', lang: 'en', now }), '14:05 (MSK)');
  assert.equal(formatLocalTime(at, { timeZone: 'Asia/Yekaterinburg', lang: 'ru', now }), '16:05 (GMT+5)');
  assert.equal(formatLocalTime(at, { timeZone: 'America/New_York', lang: 'en', now }), '06:05 (EST)');
  assert.equal(formatLocalTime(at, { timeZone: null, lang: 'ru', now }), '11:05 UTC');
  assert.equal(formatLocalTime(at, { timeZone: 'UTC', lang: 'en', now }), '11:05 UTC');
  assert.equal(formatLocalTime(at, { timeZone: 'Etc/UTC', lang: 'en', now }), '11:05 UTC');
});

test('a zone this Intl does not know reads as UTC, never as a wrong local time', () => {
  assert.equal(formatLocalTime(at, { timeZone: 'Mars/Olympus_Mons', lang: 'en', now }), '11:05 UTC');
});

test('another day than today, in that zone, gets its date', () => {
  const lateEvening = new Date('2026-11-23T22:30:00Z');
  // 01:30 the next day in Moscow, still the 23rd in UTC.
  assert.equal(
    formatLocalTime(lateEvening, { timeZone: 'Europe/Moscow', lang: 'ru', now }),
    '24 нояб., 01:30 (МСК)',
  );
  assert.equal(
    formatLocalTime(lateEvening, { timeZone: 'Europe/Moscow', lang: 'en', now }),
    'Nov 24, 01:30 (MSK)',
  );
  assert.equal(formatLocalTime(lateEvening, { timeZone: null, lang: 'en', now }), '22:30 UTC');
});

test('24-hour clock with leading zeros in both languages', () => {
  const early = new Date('2026-11-23T00:07:00Z');
  assert.equal(formatLocalTime(early, { timeZone: null, lang: 'en', now }), '00:07 UTC');
});
