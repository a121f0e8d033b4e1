import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isTimeZone } from './time-zone.ts';

test('IANA names Intl knows pass, renamed ones too; offsets, abbreviations and junk do not', () => {
  for (const zone of ['Europe/Moscow', 'UTC', 'Etc/GMT-3', 'America/Argentina/Buenos_Aires', 'Europe/Kyiv'])
    assert.equal(isTimeZone(zone), true, zone);
  for (const zone of ['', 'Mars/Olympus', '+03:00', 'MSK ', 'Europe/Moscow; drop table', 'a'.repeat(65)])
    assert.equal(isTimeZone(zone), false, zone);
});
