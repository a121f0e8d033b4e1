import { useState } from 'react';
import { formatTokens } from '#core/money/format-money.ts';
import type { TTaskDetails, TTaskQuote } from '../../../../server/contracts/tasks.ts';
import { getTaskQuote, startRun } from '../../api/tasks.ts';
import { errorMessage } from '../../components/error-message.ts';
import { useLanguage, useT } from '../../i18n.ts';
import { useMe } from '../../me-context.ts';
import { useRouter } from '../../router.tsx';

type TRunState =
  | { kind: 'idle' }
  | { kind: 'quoting' }
  | { kind: 'confirm'; quote: TTaskQuote }
  | { kind: 'starting'; quote: TTaskQuote }
  | { kind: 'failed'; message: string };

/**
 * Run (or regenerate): the cost and the balance come first, then the user confirms. The confirmation sends
 * the price it showed, so a price changed meanwhile is refused, not charged. Not enough tokens → the shop.
 */
export function RunPanel({ details, onStarted }: { details: TTaskDetails; onStarted: () => void }) {
  const t = useT();
  const language = useLanguage();
  const { request } = useMe();
  const { navigate } = useRouter();
  const [state, setState] = useState<TRunState>({ kind: 'idle' });
  const taskId = details.task.id;
  const regenerate = details.runs.length > 0;
  const running = details.task.status === 'running';
  const tokens = (amount: string) => t('miniapp-task-tokens', { amount: formatTokens(amount, language) });

  const ask = async () => {
    setState({ kind: 'quoting' });
    try {
      setState({ kind: 'confirm', quote: await getTaskQuote(request, taskId) });
    } catch (error) {
      setState({ kind: 'failed', message: errorMessage(error, t) });
    }
  };
  const confirm = async (quote: TTaskQuote) => {
    setState({ kind: 'starting', quote });
    try {
      await startRun(request, taskId, quote.price);
      setState({ kind: 'idle' });
      onStarted();
    } catch (error) {
      setState({ kind: 'failed', message: errorMessage(error, t) });
    }
  };

  if (state.kind === 'confirm' || state.kind === 'starting') {
    const { quote } = state;
    return (
      <section className="card task-confirm" data-testid="task-confirm">
        <h2 className="section__title">
          {regenerate ? t('miniapp-task-confirm-regenerate') : t('miniapp-task-confirm-run')}
        </h2>
        <dl className="rows">
          <div className="row">
            <dt className="row__label">{t('miniapp-task-cost')}</dt>
            <dd className="row__value" data-testid="task-cost">
              {tokens(quote.price)}
            </dd>
          </div>
          <div className="row">
            <dt className="row__label">{t('miniapp-task-balance')}</dt>
            <dd className="row__value" data-testid="task-balance">
              {tokens(quote.available)}
            </dd>
          </div>
        </dl>
        <p className="muted">{t('miniapp-task-charge-note')}</p>
        {!quote.runnable ? (
          <p className="task-error" role="alert" data-testid="task-unavailable">
            {t('miniapp-task-model-unavailable')}
          </p>
        ) : null}
        {quote.runnable && !quote.enough ? (
          <>
            <p className="task-error" role="alert" data-testid="task-not-enough">
              {t('miniapp-task-not-enough')}
            </p>
            <button
              type="button"
              className="button button--wide"
              onClick={() => navigate('/buy')}
              data-testid="task-buy"
            >
              {t('miniapp-task-buy')}
            </button>
          </>
        ) : null}
        <div className="button-row">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setState({ kind: 'idle' })}
            disabled={state.kind === 'starting'}
            data-testid="task-confirm-cancel"
          >
            {t('miniapp-task-cancel')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => void confirm(quote)}
            disabled={state.kind === 'starting' || !quote.runnable || !quote.enough}
            data-testid="task-confirm-run"
          >
            {t('miniapp-task-confirm')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <>
      {state.kind === 'failed' ? (
        <p className="card task-error" role="alert" data-testid="task-run-error">
          {state.message}
        </p>
      ) : null}
      <button
        type="button"
        className="button button--wide"
        onClick={() => void ask()}
        disabled={running || state.kind === 'quoting'}
        data-testid={regenerate ? 'task-regenerate' : 'task-run'}
      >
        {running
          ? t('miniapp-task-running')
          : regenerate
            ? t('miniapp-task-regenerate')
            : t('miniapp-task-run')}
      </button>
    </>
  );
}
