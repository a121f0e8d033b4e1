import { centsForRub as centsFor, starsForRub as starsFor } from '#core/catalog/price-rates.ts';
import type { TProduct } from '#core/catalog/product.ts';

/** The panel's traffic reset strategies (RESET_PERIODS of @remnawave/backend-contract). */
export type TTrafficStrategy = 'NO_RESET' | 'DAY' | 'WEEK' | 'MONTH';

export const GB = 1024n ** 3n;

export const PAID_TIERS = ['basic', 'pro', 'ultra', 'cyber'] as const;
export type TPaidTier = (typeof PAID_TIERS)[number];
export type TVpnTier = TPaidTier | 'trial';

export interface TTierSpec {
  /** Traffic per reset period in GB; 0 = unlimited. */
  trafficGb: number;
  trafficStrategy: TTrafficStrategy;
  devices: number;
  /** Server groups by our name; the panel's internal squads of these names are opened (core/vpn/squads.ts). */
  squads: readonly string[];
  /** The 30-day price: the tier's value per day for tier changes, and the base of the longer plans' prices. */
  rubPer30Days: number;
}

/**
 * The tiers (spec 001: basic / pro / ultra / cyber). Standard servers for everyone, premium ones (the fast
 * and far locations) from ultra up. Limited traffic resets monthly like a phone plan; ultra and cyber are
 * unlimited and differ in devices and servers.
 */
export const TIERS: Record<TVpnTier, TTierSpec> = {
  trial: { trafficGb: 2, trafficStrategy: 'NO_RESET', devices: 1, squads: ['standard'], rubPer30Days: 0 },
  basic: { trafficGb: 100, trafficStrategy: 'MONTH', devices: 2, squads: ['standard'], rubPer30Days: 199 },
  pro: { trafficGb: 300, trafficStrategy: 'MONTH', devices: 3, squads: ['standard'], rubPer30Days: 349 },
  ultra: {
    trafficGb: 0,
    trafficStrategy: 'NO_RESET',
    devices: 5,
    squads: ['standard', 'premium'],
    rubPer30Days: 549,
  },
  cyber: {
    trafficGb: 0,
    trafficStrategy: 'NO_RESET',
    devices: 10,
    squads: ['standard', 'premium'],
    rubPer30Days: 899,
  },
};

/** Durations sold, with the share of the monthly price they cost per month: longer = cheaper per day. */
export const DURATIONS = [
  { days: 30, months: 1, factor: 1 },
  { days: 90, months: 3, factor: 0.9 },
  { days: 180, months: 6, factor: 0.85 },
  { days: 365, months: 12, factor: 0.8 },
] as const;

/** The trial (spec 001): 2 days and 2 GB, once per account. */
export const TRIAL = { days: 2, trafficGb: 2 } as const;

/** Extra traffic and devices (the anchors' most asked-for add-ons). */
export const TRAFFIC_PACKS_GB = [50, 200] as const;
export const DEVICE_PACK_RUB = 99;

/** 199 × 3 × 0.9 = 537.3 → 539: prices end in 9 like the monthly ones. */
const roundRub = (rub: number) => Math.max(9, Math.round(rub / 10) * 10 - 1);

export const planProductId = (tier: TPaidTier, days: number) => `vpn-${tier}-${days}d`;

function plan(tier: TPaidTier, duration: (typeof DURATIONS)[number]): TProduct {
  const spec = TIERS[tier];
  const rub =
    duration.months === 1
      ? spec.rubPer30Days
      : roundRub(spec.rubPer30Days * duration.months * duration.factor);
  return {
    id: planProductId(tier, duration.days),
    service: 'vpn',
    shelf: 'vpn-plans',
    titleKey: `product-${planProductId(tier, duration.days)}`,
    prices: { RUB: BigInt(rub * 100), USD: BigInt(centsFor(rub)), XTR: BigInt(starsFor(rub)) },
    fulfilment: {
      kind: 'vpn.plan',
      tier,
      days: duration.days,
      trafficGb: spec.trafficGb,
      trafficStrategy: spec.trafficStrategy,
      devices: spec.devices,
      squads: spec.squads.join(','),
    },
  };
}

function trafficPack(gb: number): TProduct {
  const rub = gb === 50 ? 99 : 299;
  return {
    id: `vpn-traffic-${gb}gb`,
    service: 'vpn',
    shelf: 'vpn-addons',
    titleKey: `product-vpn-traffic-${gb}gb`,
    prices: { RUB: BigInt(rub * 100), USD: BigInt(centsFor(rub)), XTR: BigInt(starsFor(rub)) },
    fulfilment: { kind: 'vpn.traffic', gb },
  };
}

const devicePack: TProduct = {
  id: 'vpn-device-1',
  service: 'vpn',
  shelf: 'vpn-addons',
  titleKey: 'product-vpn-device-1',
  prices: {
    RUB: BigInt(DEVICE_PACK_RUB * 100),
    USD: BigInt(centsFor(DEVICE_PACK_RUB)),
    XTR: BigInt(starsFor(DEVICE_PACK_RUB)),
  },
  fulfilment: { kind: 'vpn.device', devices: 1 },
};

export const VPN_PRODUCTS: readonly TProduct[] = [
  ...PAID_TIERS.flatMap((tier) => DURATIONS.map((d) => plan(tier, d))),
  ...TRAFFIC_PACKS_GB.map(trafficPack),
  devicePack,
];

export const isPaidTier = (tier: string): tier is TPaidTier =>
  (PAID_TIERS as readonly string[]).includes(tier);
