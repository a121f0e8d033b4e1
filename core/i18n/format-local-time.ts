import type { TLang } from './translator.ts';

/**
 * ICU names Moscow time "GMT+3" in Russian and English alike; people say МСК / MSK, and most of our Russian
 * users live in it.
 */
const MOSCOW_TIME = new Set([
  'Europe/Moscow',
  'Europe/Simferopol',
  'Europe/Kirov',
  'Europe/Volgograd',
  'W-SU',
]);
const MOSCOW_NAME: Record<TLang, string> = { ru: 'МСК', en: 'MSK' };

const parts = (format: Intl.DateTimeFormat, at: Date) =>
  Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));

function formatsIn(zone: string, lang: TLang) {
  return {
    time: new Intl.DateTimeFormat(lang, {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    }),
    day: new Intl.DateTimeFormat(lang, { timeZone: zone, day: 'numeric', month: 'short' }),
  };
}

/**
 * A moment as a person reads it: the clock time in their zone with the zone's short name, "14:05 (MSK)"
 * ("GMT+5" where the language has no name for it), or, when their zone is unknown, in UTC and saying so,
 * "14:05 UTC". A moment on another day than `now` (in that zone) gets its date: "24 нояб., 14:05 (MSK)".
 * The zone comes from the Mini App (users.time_zone); a bot user who never opened it reads UTC.
 */
export function formatLocalTime(
  at: Date,
  opts: { timeZone: string | null; lang: TLang; now?: Date },
): string {
  let formats: ReturnType<typeof formatsIn>;
  let known = opts.timeZone;
  try {
    formats = formatsIn(known ?? 'UTC', opts.lang);
  } catch {
    // A zone this runtime's Intl does not know (stored under an older one): UTC, said as such.
    known = null;
    formats = formatsIn('UTC', opts.lang);
  }
  const time = parts(formats.time, at);
  const clock = `${time.hour}:${time.minute}`;
  const zone = known && MOSCOW_TIME.has(known) ? MOSCOW_NAME[opts.lang] : (time.timeZoneName ?? 'UTC');
  const shown = zone === 'UTC' ? `${clock} UTC` : `${clock} (${zone})`;
  const today = formats.day.format(opts.now ?? new Date());
  const day = formats.day.format(at);
  return day === today ? shown : `${day}, ${shown}`;
}
