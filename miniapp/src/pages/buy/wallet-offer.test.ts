import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TCatalogProduct } from '../../../../server/contracts/catalog.ts';
import { walletOffer } from './wallet-offer.ts';

const vpnBasic: TCatalogProduct = {
  id: 'vpn-basic-30d',
  category: 'vpn-plans',
  titleKey: 'product-vpn-basic-30d',
  prices: [
    { provider: 'stars', amount: '133', currency: 'XTR' },
    { provider: 'yookassa', amount: '19900', currency: 'RUB' },
  ],
};
const rub = (available: string) => [{ asset: 'RUB' as const, balance: available, available }];

test('the wallet pays when its available roubles cover the RUB price, exactly to the kopeck', () => {
  assert.deepEqual(walletOffer(vpnBasic, rub('19900')), {
    kind: 'pay',
    amount: 19_900n,
    fullAmount: null,
    balance: 19_900n,
  });
});

test('short by what is missing, counting only what is available (held money excluded) and only roubles', () => {
  const money = [
    { asset: 'RUB' as const, balance: '20000', available: '10000' },
    { asset: 'USD' as const, balance: '99999', available: '99999' },
  ];
  assert.deepEqual(walletOffer(vpnBasic, money), {
    kind: 'short',
    amount: 19_900n,
    missing: 9_900n,
    balance: 10_000n,
  });
  assert.deepEqual(walletOffer(vpnBasic, []), {
    kind: 'short',
    amount: 19_900n,
    missing: 19_900n,
    balance: 0n,
  });
});

test('a claimed discount in the catalog price is what the wallet charges; the list price is kept to strike through', () => {
  const discounted: TCatalogProduct = {
    ...vpnBasic,
    prices: [{ provider: 'yookassa', amount: '17910', currency: 'RUB', fullAmount: '19900' }],
  };
  assert.deepEqual(walletOffer(discounted, rub('18000')), {
    kind: 'pay',
    amount: 17_910n,
    fullAmount: 19_900n,
    balance: 18_000n,
  });
});

test('no wallet for a top-up of the wallet itself, nor for a product without a RUB price', () => {
  const topup: TCatalogProduct = {
    id: 'wallet-topup-300',
    category: 'wallet-topup',
    titleKey: 'product-wallet-topup-300',
    prices: [{ provider: 'yookassa', amount: '30000', currency: 'RUB' }],
  };
  assert.equal(walletOffer(topup, rub('100000')), null);
  const starsOnly: TCatalogProduct = {
    ...vpnBasic,
    prices: [{ provider: 'stars', amount: '133', currency: 'XTR' }],
  };
  assert.equal(walletOffer(starsOnly, rub('100000')), null);
});
