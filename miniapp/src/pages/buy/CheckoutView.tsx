import { openLink } from '@telegram-apps/sdk-react';
import { formatMoney, formatTokens } from '#core/money/format-money.ts';
import type { TCatalogProduct } from '../../../../server/contracts/catalog.ts';
import { errorMessage } from '../../components/error-message.ts';
import { useLanguage, useT } from '../../i18n.ts';
import { useRouter } from '../../router.tsx';
import type { TCheckoutState } from './use-checkout.ts';

/** What became of the payment: in progress, waiting for the provider, done, or refused. */
export function CheckoutView({
  product,
  state,
  onReset,
  onStartOver,
}: {
  product: TCatalogProduct;
  state: TCheckoutState;
  /** Back to the payment methods of this product. */
  onReset: () => void;
  /** Back to the shelves. */
  onStartOver: () => void;
}) {
  const t = useT();
  const language = useLanguage();
  const { navigate } = useRouter();
  const title = t(product.titleKey);

  switch (state.phase) {
    case 'idle':
      return null;
    case 'opening':
    case 'paying':
    case 'confirming':
    case 'wallet': {
      const key = {
        opening: 'miniapp-buy-opening',
        paying: 'miniapp-buy-paying',
        confirming: 'miniapp-buy-confirming',
        wallet: 'miniapp-buy-wallet-paying',
      }[state.phase];
      return (
        <div className="card state-card" aria-busy="true" data-testid={`buy-${state.phase}`}>
          <span className="spinner" aria-hidden="true" />
          <p role="status">{t(key)}</p>
        </div>
      );
    }
    case 'pending':
      return (
        <div className="card state-card" data-testid="buy-pending">
          <h2 className="state-card__title">{t('miniapp-buy-pending-title')}</h2>
          <p className="muted">{t('miniapp-buy-pending-hint')}</p>
          {state.url && state.provider !== 'stars' ? (
            <button
              type="button"
              className="button button--secondary button--wide"
              onClick={() => openLink.isAvailable() && openLink(state.url)}
              data-testid="buy-pending-open"
            >
              {t('miniapp-buy-pending-open')}
            </button>
          ) : null}
        </div>
      );
    case 'success':
      return (
        <div className="card state-card state-card--ok" role="status" data-testid="buy-success">
          <h2 className="state-card__title">{t('miniapp-buy-success-title')}</h2>
          <p>{t('miniapp-buy-success-body', { product: title })}</p>
          {state.tokens !== null ? (
            <p className="balance__amount" data-testid="buy-success-tokens">
              {t('miniapp-buy-success-tokens', { tokens: formatTokens(state.tokens, language) })}
            </p>
          ) : null}
          {state.walletLeft !== undefined ? (
            <p className="muted" data-testid="buy-success-wallet-left">
              {t('miniapp-buy-wallet-left', { balance: formatMoney(state.walletLeft, 'RUB', language) })}
            </p>
          ) : null}
          <button
            type="button"
            className="button button--wide"
            onClick={() => navigate('/wallet')}
            data-testid="buy-open-wallet"
          >
            {t('miniapp-buy-open-wallet')}
          </button>
          <button type="button" className="button button--secondary button--wide" onClick={onStartOver}>
            {t('miniapp-buy-again')}
          </button>
        </div>
      );
    case 'cancelled':
    case 'failed':
    case 'unsupported': {
      const message =
        state.phase === 'cancelled'
          ? t('miniapp-buy-cancelled')
          : state.phase === 'unsupported'
            ? t('miniapp-buy-invoice-unsupported')
            : state.error
              ? errorMessage(state.error, t)
              : t('miniapp-buy-failed');
      return (
        <div className="card state-card" role="alert" data-testid={`buy-${state.phase}`}>
          <p>{message}</p>
          <button type="button" className="button button--secondary button--wide" onClick={onReset}>
            {t('miniapp-buy-choose-another')}
          </button>
        </div>
      );
    }
  }
}
