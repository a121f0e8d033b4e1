import { formatMoney } from '#core/money/format-money.ts';
import { getAdminVpnStats } from '../../api/admin.ts';
import { CardSkeleton } from '../../components/CardSkeleton.tsx';
import { InlineError } from '../../components/InlineError.tsx';
import { Page } from '../../components/Page.tsx';
import { useLanguage, useT } from '../../i18n.ts';
import { DailyBars } from './DailyBars.tsx';
import { useAdminLoad } from './use-admin-load.ts';
import './admin.css';

/** Basis points as a percentage with two decimals: 1234 → "12.34". */
const percent = (bp: number) => (bp / 100).toFixed(2);

function Figure({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: string;
  hint?: string;
  testId: string;
}) {
  return (
    <div className="card admin-figure" data-testid={testId}>
      <span className="admin-figure__label">{label}</span>
      <span className="admin-figure__value" data-testid={`${testId}-value`}>
        {value}
      </span>
      {hint ? <span className="admin-figure__hint">{hint}</span> : null}
    </div>
  );
}

/** The VPN figures of /stats with the last 30 days drawn day by day (GET /api/admin/vpn/stats). */
export function AdminVpnStatsPage() {
  const t = useT();
  const language = useLanguage();
  const stats = useAdminLoad(getAdminVpnStats);
  return (
    <Page back title={t('miniapp-admin-stats-title')}>
      {stats.status === 'loading' ? <CardSkeleton lines={4} /> : null}
      {stats.status === 'failed' ? (
        <InlineError error={stats.error} onRetry={stats.reload} testId="admin-stats-error" />
      ) : null}
      {stats.status === 'ready' ? (
        <div data-testid="admin-stats">
          <div className="admin-figures">
            <Figure
              label={t('miniapp-admin-stats-mrr')}
              value={formatMoney(stats.data.mrrKopecks, 'RUB', language)}
              testId="admin-stats-mrr"
            />
            <Figure
              label={t('miniapp-admin-stats-active-paid')}
              value={String(stats.data.active.paid)}
              hint={t('miniapp-admin-stats-active-free', { free: stats.data.active.free })}
              testId="admin-stats-paid"
            />
            <Figure
              label={t('miniapp-admin-stats-active-trial')}
              value={String(stats.data.active.trial)}
              testId="admin-stats-trial"
            />
            <Figure
              label={t('miniapp-admin-stats-conversion')}
              value={`${percent(stats.data.conversionBp)} %`}
              hint={t('miniapp-admin-stats-conversion-hint', {
                converted: stats.data.trialConverted,
                users: stats.data.trialUsers,
              })}
              testId="admin-stats-conversion"
            />
            <Figure
              label={t('miniapp-admin-stats-churn', { days: stats.data.churnWindowDays })}
              value={`${percent(stats.data.churnBp)} %`}
              hint={t('miniapp-admin-stats-churn-hint', {
                churned: stats.data.churned,
                base: stats.data.churnBase,
              })}
              testId="admin-stats-churn"
            />
          </div>
          <DailyBars
            title={t('miniapp-admin-stats-new-paid', { days: stats.data.days })}
            days={stats.data.daily.map((d) => ({ day: d.day, value: d.newPaid }))}
            testId="admin-chart-new-paid"
          />
          <DailyBars
            title={t('miniapp-admin-stats-renewals', { days: stats.data.days })}
            days={stats.data.daily.map((d) => ({ day: d.day, value: d.renewals }))}
            testId="admin-chart-renewals"
          />
        </div>
      ) : null}
    </Page>
  );
}
