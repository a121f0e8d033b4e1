import type { PaymentProvider } from '#core/db/generated/client.ts';
import type { TNewPromoCode } from '#core/referrals/create-promo-code.ts';
import { BEN, CHEN, MARIA, SUPER_ADMIN, type TSandboxPerson } from './sandbox-world.ts';

/**
 * What the demo database holds, so every screen has something to show on the first run: wallets with a
 * history (purchases by each payment provider, AI spends, a promo bonus, a referral bonus, a support
 * correction), a subscriber, and codes to try. scripts/sandbox/seed-demo.ts writes it through the domain
 * services, as the bots would.
 */

export interface TDemoAccount {
  person: TSandboxPerson;
  /** Finished the signup conversation (language, terms); Chen has not, to show a first contact. */
  signedUp: boolean;
  /** Invited by this person's referral link. */
  referredBy?: TSandboxPerson;
}

export const DEMO_ACCOUNTS: readonly TDemoAccount[] = [
  { person: SUPER_ADMIN, signedUp: true },
  { person: MARIA, signedUp: true },
  { person: BEN, signedUp: true },
  { person: CHEN, signedUp: false, referredBy: MARIA },
];

export interface TDemoPurchase {
  buyer: TSandboxPerson;
  productId: string;
  provider: PaymentProvider;
}

/** One per provider. Chen was invited by Maria, so Chen's purchase pays Maria a referral bonus. */
export const DEMO_PURCHASES: readonly TDemoPurchase[] = [
  { buyer: MARIA, productId: 'pack-150k', provider: 'stars' },
  { buyer: BEN, productId: 'ai-sub-7d', provider: 'yookassa' },
  { buyer: CHEN, productId: 'bundle-small', provider: 'cryptobot' },
  // VPN: Maria has an active plan; Alex's ran out (seed-demo.ts moves it into the past); Ben is on trial.
  { buyer: MARIA, productId: 'vpn-pro-90d', provider: 'stars' },
  { buyer: SUPER_ADMIN, productId: 'vpn-basic-30d', provider: 'yookassa' },
];

/** The demo's expired VPN plan: bought like the others, then moved into the past by this many days. */
export const DEMO_EXPIRED_VPN = { buyer: SUPER_ADMIN, productId: 'vpn-basic-30d', endedDaysAgo: 3 } as const;
/** On the VPN trial. */
export const DEMO_VPN_TRIAL = BEN;

export interface TDemoSpend {
  user: TSandboxPerson;
  /** The catalog model the tokens paid for; the amount is its catalog price. */
  modelId: string;
}

export const DEMO_SPENDS: readonly TDemoSpend[] = [
  { user: MARIA, modelId: 'gpt-4o' },
  { user: MARIA, modelId: 'gpt-4o' },
  { user: MARIA, modelId: 'dall-e-3' },
  { user: BEN, modelId: 'claude-sonnet' },
  { user: BEN, modelId: 'midjourney' },
  { user: CHEN, modelId: 'kling' },
];

/** Created by the super admin. WELCOME gives tokens at once; SANDBOX20 takes 20 % off the next purchase. */
export const DEMO_PROMO_CODES: readonly TNewPromoCode[] = [
  { code: 'WELCOME', kind: 'bonus_tokens', bonusTokens: 50_000n, perUserLimit: 1 },
  { code: 'SANDBOX20', kind: 'percent_discount', percentOff: 20, perUserLimit: 1 },
];

/** Bonus codes redeemed (after the purchases, so no discount claim meets a demo checkout). */
export const DEMO_PROMO_CLAIMS: readonly { user: TSandboxPerson; code: string }[] = [
  { user: MARIA, code: 'WELCOME' },
];

/** A correction by the super admin, as support makes after a failed generation. */
export const DEMO_ADJUSTMENTS: readonly { user: TSandboxPerson; amount: bigint; reason: string }[] = [
  { user: BEN, amount: 12_000n, reason: 'Compensation: a Midjourney image failed to arrive' },
];
