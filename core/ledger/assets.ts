import type { Asset } from '#core/db/generated/client.ts';

export type { Asset };

/** Minor units per major unit: amounts everywhere are integers of these (kopecks, cents, stars, tokens). */
export const MINOR_UNITS: Record<Asset, bigint> = {
  TOKEN: 1n,
  RUB: 100n,
  USD: 100n,
  XTR: 1n,
  USDT: 100n,
};

export const MONEY_ASSETS: readonly Asset[] = ['RUB', 'USD', 'XTR', 'USDT'];
