import { isIP } from 'node:net';

/**
 * Whether an address can be reached from the internet, which a marketplace buyer must do. Private, loopback,
 * link-local, shared (CGNAT), documentation, benchmarking, multicast and reserved ranges are refused: a
 * provider typing their LAN address would get a listing nobody can connect to.
 */
export type TIpCheck = { ok: true; version: 4 | 6 } | { ok: false; reason: 'invalid' | 'not_public' };

const V4_BLOCKED: readonly [cidr: string, description: string][] = [
  ['0.0.0.0/8', 'this network'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'shared address space (CGNAT)'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'IETF protocol assignments'],
  ['192.0.2.0/24', 'documentation'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'benchmarking'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved and broadcast'],
];

const v4ToInt = (ip: string): number => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);

function inV4Block(ip: number, cidr: string): boolean {
  const [base = '', bits = '32'] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const start = v4ToInt(base);
  return ip >= start && ip < start + size;
}

/** The eight 16-bit groups of a valid IPv6 address (an embedded dotted IPv4 tail becomes two groups). */
function v6Groups(ip: string): number[] {
  let text = ip;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const n = v4ToInt(dotted[1]);
    text = `${text.slice(0, dotted.index)}${Math.floor(n / 65_536).toString(16)}:${(n % 65_536).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => Number.parseInt(g, 16)));
  const front = parse(head);
  if (tail === undefined) return front;
  const back = parse(tail);
  return [...front, ...Array<number>(8 - front.length - back.length).fill(0), ...back];
}

export function checkPublicIp(input: string): TIpCheck {
  // A zone id (fe80::1%eth0) names an interface on the owner's machine; never reachable from outside.
  const zone = input.indexOf('%');
  if (zone >= 0)
    return isIP(input.slice(0, zone)) === 6
      ? { ok: false, reason: 'not_public' }
      : { ok: false, reason: 'invalid' };
  const version = isIP(input);
  if (version === 4) {
    const n = v4ToInt(input);
    return V4_BLOCKED.some(([cidr]) => inV4Block(n, cidr))
      ? { ok: false, reason: 'not_public' }
      : { ok: true, version };
  }
  if (version === 6) {
    const g = v6Groups(input);
    const first = g[0] ?? 0;
    // Only 2000::/3 is allocated as global unicast; inside it, refuse documentation (2001:db8::/32) and
    // Teredo (2001::/32, a tunnel endpoint, not the server). v4-mapped addresses fall outside 2000::/3:
    // the owner should give the plain IPv4.
    const globalUnicast = first >= 0x2000 && first <= 0x3fff;
    const documentation = first === 0x2001 && g[1] === 0x0db8;
    const teredo = first === 0x2001 && g[1] === 0;
    return globalUnicast && !documentation && !teredo
      ? { ok: true, version }
      : { ok: false, reason: 'not_public' };
  }
  return { ok: false, reason: 'invalid' };
}
