import { useCallback, useState } from 'react';
import { formatTokens } from '#core/money/format-money.ts';
import { getUsage } from '../../../api/studio.ts';
import { useLoad } from '../../../api/use-load.ts';
import { CardSkeleton } from '../../../components/CardSkeleton.tsx';
import { InlineError } from '../../../components/InlineError.tsx';
import { Page } from '../../../components/Page.tsx';
import { useLanguage, useT } from '../../../i18n.ts';
import { FilterChips } from '../../wallet/FilterChips.tsx';
import { UsageChart } from './UsageChart.tsx';

const SPANS = ['7', '30', '90'] as const;
type TSpan = (typeof SPANS)[number];

/** Tokens spent by day (a bar chart) and by model (a table), over the last 7, 30 or 90 UTC days. */
export function UsagePage() {
  const t = useT();
  const language = useLanguage();
  const [span, setSpan] = useState<TSpan>('30');
  const load = useCallback(
    (request: Parameters<typeof getUsage>[0]) => getUsage(request, Number(span)),
    [span],
  );
  const usage = useLoad(load);
  const data = usage.status === 'ready' ? usage.data : null;

  return (
    <Page back title={t('miniapp-studio-usage-title')}>
      <FilterChips
        legend={t('miniapp-studio-usage-span')}
        options={SPANS.map((value) => ({
          value,
          label: t('miniapp-studio-usage-days', { days: Number(value) }),
        }))}
        value={span}
        onChange={(value) => value && setSpan(value)}
        testId="usage-span"
      />
      {usage.status === 'loading' ? <CardSkeleton lines={4} /> : null}
      {usage.status === 'failed' ? (
        <InlineError error={usage.error} onRetry={usage.reload} testId="usage-error" />
      ) : null}
      {data ? (
        <>
          <section className="card" aria-labelledby="usage-total-title">
            <h2 className="section__title" id="usage-total-title">
              {t('miniapp-studio-usage-total')}
            </h2>
            <p className="balance__amount" data-testid="usage-total-tokens">
              {formatTokens(data.total.tokens, language)}{' '}
              <span className="balance__unit">{t('miniapp-studio-usage-tokens-unit')}</span>
            </p>
            <p className="muted" data-testid="usage-total-requests">
              {t('miniapp-studio-usage-requests', { count: data.total.requests })}
            </p>
            <UsageChart days={data.days} />
          </section>
          <section className="card" aria-labelledby="usage-models-title">
            <h2 className="section__title" id="usage-models-title">
              {t('miniapp-studio-usage-by-model')}
            </h2>
            {data.models.length === 0 ? (
              <p className="muted" data-testid="usage-empty">
                {t('miniapp-studio-usage-empty')}
              </p>
            ) : (
              <table className="usage-table" data-testid="usage-table">
                <thead>
                  <tr>
                    <th scope="col">{t('miniapp-studio-model')}</th>
                    <th scope="col">{t('miniapp-studio-usage-col-requests')}</th>
                    <th scope="col">{t('miniapp-studio-usage-col-tokens')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.models.map((m) => (
                    <tr key={m.modelId} data-testid="usage-model-row" data-model={m.modelId}>
                      <th scope="row">
                        {m.name}
                        <span className="list__hint"> · {t(`miniapp-studio-kind-${m.kind}`)}</span>
                      </th>
                      <td>{m.requests}</td>
                      <td>{formatTokens(m.tokens, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      ) : null}
    </Page>
  );
}
