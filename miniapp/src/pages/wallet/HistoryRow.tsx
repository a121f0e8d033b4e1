import { formatMoney } from '#core/money/format-money.ts';
import type { THistoryItem } from '../../../../server/contracts/wallet.ts';
import { formatDateTime } from '../../format-date.ts';
import { useLanguage, useT } from '../../i18n.ts';

/** One ledger movement: what it was for, its kind and when, how much, and the balance it moved from and to. */
export function HistoryRow({ item }: { item: THistoryItem }) {
  const t = useT();
  const language = useLanguage();
  const incoming = !item.amount.startsWith('-');
  const balance = {
    before: formatMoney(item.balanceBefore, item.asset, language),
    after: formatMoney(item.balanceAfter, item.asset, language),
  };

  return (
    <li className="list__row" data-testid="history-row" data-entry-id={item.id}>
      <span className="list__main">
        <span className="list__title" data-testid="history-row-description">
          {item.description}
        </span>
        <span className="list__hint">
          <span data-testid="history-row-type">{t(`miniapp-wallet-type-${item.type}`)}</span>
          {' · '}
          <time dateTime={item.at}>{formatDateTime(item.at, language)}</time>
        </span>
      </span>
      <span className="history__side">
        <span
          className={incoming ? 'amount amount--in' : 'amount amount--out'}
          data-testid="history-row-amount"
        >
          {formatMoney(item.amount, item.asset, language, { signed: true })}
        </span>
        <span className="list__hint">
          {/* The arrow reads badly aloud: screen readers get the sentence instead. */}
          <span aria-hidden="true" data-testid="history-row-balance">
            {t('miniapp-wallet-history-balance', balance)}
          </span>
          <span className="visually-hidden">{t('miniapp-wallet-history-balance-label', balance)}</span>
        </span>
      </span>
    </li>
  );
}
