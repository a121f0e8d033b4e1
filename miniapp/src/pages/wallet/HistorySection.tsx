import { useState } from 'react';
import {
  type TAsset,
  type TTransactionType,
  ZAssetSchema,
  ZTransactionTypeSchema,
} from '../../../../server/contracts/wallet.ts';
import { InlineError } from '../../components/InlineError.tsx';
import { useT } from '../../i18n.ts';
import { FilterChips } from './FilterChips.tsx';
import { HistoryRow } from './HistoryRow.tsx';
import { useHistory } from './use-history.ts';

export function HistorySection() {
  const t = useT();
  const [asset, setAsset] = useState<TAsset | undefined>(undefined);
  const [type, setType] = useState<TTransactionType | undefined>(undefined);
  const history = useHistory(asset, type);
  const all = t('miniapp-wallet-history-all');

  return (
    <section aria-labelledby="wallet-history-title" data-testid="wallet-history">
      <h2 className="section__title section__title--outside" id="wallet-history-title">
        {t('miniapp-wallet-history')}
      </h2>
      <FilterChips
        legend={t('miniapp-wallet-history-filter-asset')}
        options={[
          { value: undefined, label: all },
          ...ZAssetSchema.options.map((value) => ({
            value,
            label: t(`miniapp-wallet-asset-${value.toLowerCase()}`),
          })),
        ]}
        value={asset}
        onChange={setAsset}
        testId="history-filter-asset"
      />
      <FilterChips
        legend={t('miniapp-wallet-history-filter-type')}
        options={[
          { value: undefined, label: all },
          ...ZTransactionTypeSchema.options.map((value) => ({
            value,
            label: t(`miniapp-wallet-type-${value}`),
          })),
        ]}
        value={type}
        onChange={setType}
        testId="history-filter-type"
      />

      {history.items.length > 0 ? (
        <ul className="card list history" data-testid="history-list">
          {history.items.map((item) => (
            <HistoryRow key={item.id} item={item} />
          ))}
        </ul>
      ) : null}
      {!history.loading && !history.error && history.items.length === 0 ? (
        <p className="card muted" data-testid="history-empty">
          {t('miniapp-wallet-history-empty')}
        </p>
      ) : null}
      {history.error ? (
        <InlineError error={history.error} onRetry={history.retry} testId="history-error" />
      ) : null}
      {history.loading ? (
        <p className="muted history__status" role="status">
          {t('miniapp-wallet-history-loading')}
        </p>
      ) : null}
      {history.nextBefore && !history.loading && !history.error ? (
        <button
          type="button"
          className="button button--secondary button--wide"
          onClick={history.loadMore}
          data-testid="history-more"
        >
          {t('miniapp-wallet-history-more')}
        </button>
      ) : null}
    </section>
  );
}
