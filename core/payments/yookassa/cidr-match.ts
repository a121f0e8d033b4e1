import { isIPv4, isIPv6 } from 'node:net';

/**
 * CIDR membership for IPv4 and IPv6 without a dependency. Addresses are compared as bytes, so
 * `2a02:5180::1`, `2a02:5180:0:0::1` and `2A02:5180::0:1` are the same address, and an IPv4-mapped IPv6
 * address (`::ffff:185.71.76.1`, which is how Node reports IPv4 peers on a dual-stack socket) is
 * matched as the IPv4 address it carries.
 */

type TParsedAddress = { version: 4 | 6; bytes: Uint8Array };
type TParsedRange = TParsedAddress & { prefix: number };

/** True when `ip` lies in any of `ranges` (`"a.b.c.d/n"`, `"a.b.c.d"`, `"x:y::/n"`, `"x:y::z"`). */
export function isIpInRanges(ip: string, ranges: readonly string[]): boolean {
  const address = parseAddress(ip);
  if (!address) return false;
  return ranges.some((range) => contains(parseRange(range), address));
}

/** Throws for a malformed range: a typo in an allow-list must stop start-up, not silently allow nothing. */
export function parseRange(range: string): TParsedRange {
  const [base = '', prefixText, ...rest] = range.trim().split('/');
  const address = rest.length === 0 ? parseAddress(base) : undefined;
  if (!address) throw new RangeError(`invalid CIDR range: ${JSON.stringify(range)}`);
  const maxPrefix = address.bytes.length * 8;
  const prefix = prefixText === undefined ? maxPrefix : Number(prefixText);
  if (!/^\d{1,3}$/.test(prefixText ?? '0') || !Number.isInteger(prefix) || prefix > maxPrefix) {
    throw new RangeError(`invalid CIDR prefix in ${JSON.stringify(range)}`);
  }
  return { ...address, prefix };
}

/** Parses an address; IPv4-mapped IPv6 comes back as IPv4. Returns undefined for anything else. */
export function parseAddress(ip: string): TParsedAddress | undefined {
  // A zone index (`fe80::1%eth0`) names a local interface, not part of the address.
  const text = ip.trim().replace(/%[^%]*$/, '');
  if (isIPv4(text)) return { version: 4, bytes: parseIPv4(text) };
  if (!isIPv6(text)) return undefined;
  const bytes = parseIPv6(text);
  const mapped = bytes.subarray(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return mapped ? { version: 4, bytes: bytes.slice(12) } : { version: 6, bytes };
}

function contains(range: TParsedRange, address: TParsedAddress): boolean {
  if (range.version !== address.version) return false;
  const fullBytes = Math.floor(range.prefix / 8);
  for (let i = 0; i < fullBytes; i++) if (range.bytes[i] !== address.bytes[i]) return false;
  const restBits = range.prefix % 8;
  if (restBits === 0) return true;
  const mask = (0xff << (8 - restBits)) & 0xff;
  return ((range.bytes[fullBytes] ?? 0) & mask) === ((address.bytes[fullBytes] ?? 0) & mask);
}

function parseIPv4(text: string): Uint8Array {
  return Uint8Array.from(text.split('.').map(Number));
}

// Only called on strings net.isIPv6 accepted, so the shape is known to be valid.
function parseIPv6(text: string): Uint8Array {
  const bytes = new Uint8Array(16);
  let groupsText = text;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    // An embedded IPv4 tail (`::ffff:1.2.3.4`) fills the last four bytes; two zero groups hold its place.
    bytes.set(parseIPv4(tail), 12);
    groupsText = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const [head = '', rest] = groupsText.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = rest === undefined || rest === '' ? [] : rest.split(':');
  const zeros = rest === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...Array<string>(zeros).fill('0'), ...right];
  groups.forEach((group, i) => {
    if (tail.includes('.') && i >= 6) return;
    const value = Number.parseInt(group, 16);
    bytes[i * 2] = value >> 8;
    bytes[i * 2 + 1] = value & 0xff;
  });
  return bytes;
}
