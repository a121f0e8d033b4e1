import { formatMoney } from '#core/money/format-money.ts';
import type { TCatalogProduct } from '../../../../server/contracts/catalog.ts';
import { useLoad } from '../../api/use-load.ts';
import { getWallet } from '../../api/wallet.ts';
import { useLanguage, useT } from '../../i18n.ts';
import { walletOffer } from './wallet-offer.ts';
import './wallet-tile.css';

/**
 * The wallet among the payment methods: its RUB price and the balance when the balance covers it, else
 * what is missing, leading to the top-up shelf. Nothing while the balance is unknown (or failed to load:
 * the other methods still work).
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
  const offer = wallet.status === 'ready' ? walletOffer(product, wallet.data.money) : null;
  if (!offer) return null;
  const rub = (value: bigint) => formatMoney(value, 'RUB', language);

  if (offer.kind === 'pay')
    return (
      <li>
        <button type="button" className="tile" onClick={onPay} data-testid="buy-method-wallet">
          <span className="tile__text">
            <span className="tile__title">{t('miniapp-buy-method-wallet')}</span>
            <span className="tile__hint" data-testid="buy-wallet-balance">
              {t('miniapp-buy-wallet-balance', { balance: rub(offer.balance) })}
            </span>
          </span>
          <span className="tile__price">
            {offer.fullAmount !== null && (
              <s className="tile__price-full" data-testid="buy-full-price-wallet">
                {rub(offer.fullAmount)}
              </s>
            )}
            {rub(offer.amount)}
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
            {t('miniapp-buy-wallet-short', { missing: rub(offer.missing) })}
          </span>
          <span className="tile__hint">
            {t('miniapp-buy-wallet-short-hint', { balance: rub(offer.balance) })}
          </span>
        </span>
        <span className="tile__price">{rub(offer.amount)}</span>
      </button>
    </li>
  );
}
