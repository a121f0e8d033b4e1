/** IANA names are at most about 30 characters ("America/Argentina/ComodRivadavia"); anything longer is not one. */
const TIME_ZONE_MAX = 64;
/** "Europe/Moscow", "Etc/GMT-3", "UTC": an IANA name, not an offset ("+03:00") or an abbreviation spelled oddly. */
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/**
 * A time zone this runtime's Intl knows by its IANA name (what a browser's
 * `Intl.DateTimeFormat().resolvedOptions().timeZone` reports). No imports: the Mini App bundles it too.
 * Intl itself is the judge, not `Intl.supportedValuesOf('timeZone')`: that list holds only canonical names
 * and leaves out "UTC" and renamed zones such as "Europe/Kyiv", which browsers do report.
 */
export function isTimeZone(zone: string): boolean {
  if (zone.length > TIME_ZONE_MAX || !IANA_NAME.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
