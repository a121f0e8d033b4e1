import { formatMoney } from '#core/money/format-money.ts';
import type { TCatalogProduct } from '../../../../server/contracts/catalog.ts';
import { useLoad } from '../../api/use-load.ts';
import { getWallet } from '../../api/wallet.ts';
import { useLanguage, useT } from '../../i18n.ts';
import './wallet-tile.css';

/** The shelf of the wallet's own top-ups (core/payments/wallet/wallet-topup-products.ts). */
export const TOPUP_SHELF = 'wallet-topup';

/**
 * The wallet among the payment methods: its RUB price and the balance when the balance covers it, else
 * what is missing, leading to the top-up shelf (the rule of the bot's bots/user/wallet-pay-button.ts).
 * Nothing for a product without a RUB price, for a top-up itself, or while the balance is unknown.
 */
export function WalletTile({
  product,
  onPay,
  onTopUp,
}: {
  product: TCatalogProduct;
  onPay: () => void;
  onTopUp: () => void;
}) {
  const t = useT();
  const language = useLanguage();
  const wallet = useLoad(getWallet);
  // The catalog's RUB price already carries a claimed discount code, by the rule payFromWallet applies.
  const price = product.prices.find((p) => p.currency === 'RUB');
  if (!price || product.category === TOPUP_SHELF || wallet.status !== 'ready') return null;
  const balance = BigInt(wallet.data.money.find((m) => m.asset === 'RUB')?.available ?? '0');
  const amount = BigInt(price.amount);
  const rub = (value: bigint | string) => formatMoney(value, 'RUB', language);

  if (balance >= amount)
    return (
      <li>
        <button type="button" className="tile" onClick={onPay} data-testid="buy-method-wallet">
          <span className="tile__text">
            <span className="tile__title">{t('miniapp-buy-method-wallet')}</span>
            <span className="tile__hint" data-testid="buy-wallet-balance">
              {t('miniapp-buy-wallet-balance', { balance: rub(balance) })}
            </span>
          </span>
          <span className="tile__price">
            {price.fullAmount !== undefined && <s className="tile__price-full">{rub(price.fullAmount)}</s>}
            {rub(amount)}
          </span>
        </button>
      </li>
    );
  return (
    <li>
      <button
        type="button"
        className="tile tile--short"
        onClick={onTopUp}
        data-testid="buy-method-wallet-short"
      >
        <span className="tile__text">
          <span className="tile__title">
            {t('miniapp-buy-wallet-short', { missing: rub(amount - balance) })}
          </span>
          <span className="tile__hint">{t('miniapp-buy-wallet-short-hint', { balance: rub(balance) })}</span>
        </span>
        <span className="tile__price">{rub(amount)}</span>
      </button>
    </li>
  );
}
