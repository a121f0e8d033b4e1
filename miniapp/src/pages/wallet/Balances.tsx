import { formatMoney, formatTokens } from '#core/money/format-money.ts';
import type { TWallet } from '../../../../server/contracts/wallet.ts';
import { formatDate } from '../../format-date.ts';
import { useLanguage, useT } from '../../i18n.ts';

// A grant that ends within this many days is shown as urgent: use the tokens or lose them.
const SOON_DAYS = 3;
const DAY_MS = 86_400_000;

export function Balances({ wallet }: { wallet: TWallet }) {
  const t = useT();
  const language = useLanguage();
  const held = BigInt(wallet.tokens.held);
  const empty = BigInt(wallet.tokens.balance) === 0n && wallet.money.length === 0;

  return (
    <>
      <section className="card balance" aria-labelledby="wallet-tokens-title" data-testid="wallet-tokens">
        <h2 className="section__title" id="wallet-tokens-title">
          {t('miniapp-wallet-tokens')}
        </h2>
        <p className="balance__amount">
          <span data-testid="wallet-tokens-available">{formatTokens(wallet.tokens.available, language)}</span>{' '}
          <span className="balance__unit">{t('miniapp-wallet-tokens-available')}</span>
        </p>
        {held > 0n ? (
          <p className="muted" data-testid="wallet-tokens-held">
            {t('miniapp-wallet-tokens-held', { held: formatTokens(wallet.tokens.held, language) })}
            {' · '}
            {t('miniapp-wallet-tokens-total', { balance: formatTokens(wallet.tokens.balance, language) })}
          </p>
        ) : null}
        {empty ? <p className="muted">{t('miniapp-wallet-empty')}</p> : null}
      </section>

      {wallet.grants.length > 0 ? (
        <section className="card" aria-labelledby="wallet-grants-title">
          <h2 className="section__title" id="wallet-grants-title">
            {t('miniapp-wallet-grants')}
          </h2>
          <ul className="list">
            {wallet.grants.map((grant) => {
              const soon =
                grant.expiresAt !== null && Date.parse(grant.expiresAt) - Date.now() < SOON_DAYS * DAY_MS;
              return (
                <li key={grant.id} className="list__row" data-testid="wallet-grant">
                  <span className="list__main">
                    <span className="list__title">
                      {t('miniapp-wallet-grant-remaining', {
                        remaining: formatTokens(grant.remaining, language),
                        amount: formatTokens(grant.amount, language),
                      })}
                    </span>
                    <span className="list__hint">
                      {t('miniapp-wallet-grant-source', { source: grant.source })}
                    </span>
                  </span>
                  <span className={soon ? 'list__side list__side--warn' : 'list__side'}>
                    {grant.expiresAt
                      ? t('miniapp-wallet-grant-until', { date: formatDate(grant.expiresAt, language) })
                      : t('miniapp-wallet-grant-forever')}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {wallet.money.length > 0 ? (
        <section className="card" aria-labelledby="wallet-money-title">
          <h2 className="section__title" id="wallet-money-title">
            {t('miniapp-wallet-money')}
          </h2>
          <ul className="list">
            {wallet.money.map((money) => (
              <li key={money.asset} className="list__row" data-testid={`wallet-money-${money.asset}`}>
                <span className="list__title">{formatMoney(money.balance, money.asset, language)}</span>
                {money.available !== money.balance ? (
                  <span className="list__side">
                    {t('miniapp-wallet-money-held', {
                      available: formatMoney(money.available, money.asset, language),
                    })}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {wallet.plans.length > 0 ? (
        <section className="card" aria-labelledby="wallet-plans-title">
          <h2 className="section__title" id="wallet-plans-title">
            {t('miniapp-wallet-plans')}
          </h2>
          <ul className="list">
            {wallet.plans.map((plan) => (
              <li key={`${plan.productId}-${plan.endsAt}`} className="list__row" data-testid="wallet-plan">
                <span className="list__title">{t(`product-${plan.productId}`)}</span>
                <span className="list__side">
                  {t('miniapp-wallet-plan-until', { date: formatDate(plan.endsAt, language) })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
