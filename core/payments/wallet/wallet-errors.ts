import { defineErrors } from '#core/errors/error-catalog.ts';

/** Failures of paying from the wallet, in the bot and the Mini App alike. */
export const walletErrors = defineErrors({
  // The RUB balance does not cover the price; carries `missing` (formatted in the buyer's language) and
  // `missingMinor` (kopecks), so an adapter can offer a top-up of at least that much.
  WALLET_INSUFFICIENT: {
    status: 402,
    bot: 'wallet-error-insufficient',
    api: 'api-error-wallet-insufficient',
  },
});

declare module '#core/errors/app-error.ts' {
  interface TErrorCodes extends Record<keyof typeof walletErrors, true> {}
}
