import { formatTokens } from '#core/money/format-money.ts';
import type { TTaskRun } from '../../../../server/contracts/tasks.ts';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { formatDateTime } from '../../format-date.ts';
import { useLanguage, useT } from '../../i18n.ts';
import { downloadResult } from './download-result.ts';

const FAILURE_KEYS: Record<string, string> = {
  content_refused: 'miniapp-task-failed-rejected',
  timeout: 'miniapp-task-failed-timeout',
};

/** One run: its state, its progress while the provider works, what it cost or why it failed. */
function RunItem({ run, number }: { run: TTaskRun; number: number }) {
  const t = useT();
  const language = useLanguage();
  const active = run.status === 'queued' || run.status === 'running';
  return (
    <li className="task-run" data-testid="task-run-item" data-status={run.status}>
      <div className="task-run__head">
        <span className="task-run__title">{t('miniapp-task-run-title', { number })}</span>
        <span className="list__hint">{formatDateTime(run.createdAt, language)}</span>
      </div>
      <p className="task-run__status" data-testid="task-run-status">
        {t(`miniapp-run-status-${run.status}`)}
        {run.status === 'succeeded'
          ? ` · ${t('miniapp-task-charged', { amount: formatTokens(run.charged, language) })}`
          : null}
      </p>
      {active ? (
        <ProgressBar
          percent={run.progress}
          label={t('miniapp-task-run-progress')}
          text={t('miniapp-progress-percent', { percent: run.progress })}
          testId="task-run-progress"
        />
      ) : null}
      {run.status === 'failed' || run.status === 'canceled' ? (
        <p className="task-error" data-testid="task-run-failure">
          {t(FAILURE_KEYS[run.errorCode ?? ''] ?? 'miniapp-task-failed-provider')}
        </p>
      ) : null}
      {run.result ? (
        <div className="task-result">
          {/* biome-ignore lint/a11y/useMediaCaption: a generated clip has no captions to offer */}
          <video
            className="task-result__video"
            src={run.result.url}
            controls
            playsInline
            preload="metadata"
            data-testid="task-result-video"
          />
          <button
            type="button"
            className="button button--secondary button--wide"
            onClick={() => run.result && downloadResult(run.result)}
            data-testid="task-result-download"
          >
            {t('miniapp-task-download')}
          </button>
        </div>
      ) : null}
      {run.status === 'succeeded' && !run.result ? (
        <p className="muted">{t('miniapp-task-result-expired')}</p>
      ) : null}
    </li>
  );
}

/** The task's runs, newest first; the newest is numbered highest. */
export function RunList({ runs }: { runs: readonly TTaskRun[] }) {
  const t = useT();
  if (runs.length === 0) return null;
  return (
    <section className="card" data-testid="task-runs">
      <h2 className="section__title">{t('miniapp-task-runs')}</h2>
      <ul className="list">
        {runs.map((run, index) => (
          <RunItem key={run.id} run={run} number={runs.length - index} />
        ))}
      </ul>
    </section>
  );
}
