import type { TServiceModule } from '#core/services/service-module.ts';
import { walletErrors } from './wallet-errors.ts';
import { WALLET_TOPUP_PRODUCTS } from './wallet-topup-products.ts';

/**
 * The wallet as a seller: its top-ups need a module because products reach the shop only through modules
 * (core/catalog/products.ts). Its fulfilment `wallet.topup` is a platform one (registry's
 * PLATFORM_FULFILMENTS), since any service may sell top-ups on its own shelf.
 */
export const walletModule = {
  id: 'wallet',
  products: WALLET_TOPUP_PRODUCTS,
  fulfilments: [],
  errors: walletErrors,
} satisfies TServiceModule;
