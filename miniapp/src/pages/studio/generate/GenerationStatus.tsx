import { formatTokens } from '#core/money/format-money.ts';
import type { TGeneration } from '../../../../../server/contracts/studio.ts';
import { ProgressBar } from '../../../components/ProgressBar.tsx';
import { useLanguage, useT } from '../../../i18n.ts';
import { ResultPreview } from '../ResultPreview.tsx';

type TStatusProps = {
  generation: TGeneration;
  onAgain: () => void;
  onGallery: () => void;
};

/** A running request with its progress bar; once final, the result with download, or why it failed. */
export function GenerationStatus({ generation, onAgain, onGallery }: TStatusProps) {
  const t = useT();
  const language = useLanguage();
  const running = generation.status === 'queued' || generation.status === 'running';
  if (running) {
    const queued = generation.status === 'queued';
    return (
      <section className="card" data-testid="generate-running" aria-busy="true">
        <h2 className="section__title">{generation.modelName}</h2>
        <ProgressBar
          percent={generation.progress}
          label={t('miniapp-studio-generate-progress-label', { model: generation.modelName })}
          text={
            queued
              ? t('miniapp-studio-generate-queued')
              : t('miniapp-studio-generate-percent', { percent: generation.progress })
          }
          testId="generate-progress"
        />
        <p className="muted">{t('miniapp-studio-generate-running-note')}</p>
      </section>
    );
  }
  if (generation.status === 'succeeded' && generation.result) {
    return (
      <section className="card" data-testid="generate-done">
        <h2 className="section__title">{generation.modelName}</h2>
        <ResultPreview file={generation.result} alt={generation.prompt} testId="generate-result" />
        <p className="muted" data-testid="generate-charged">
          {t('miniapp-studio-generate-charged', { tokens: formatTokens(generation.charged, language) })}
        </p>
        <div className="button-row">
          <button
            type="button"
            className="button button--secondary"
            onClick={onGallery}
            data-testid="generate-open-gallery"
          >
            {t('miniapp-studio-generate-gallery')}
          </button>
          <button type="button" className="button" onClick={onAgain} data-testid="generate-again">
            {t('miniapp-studio-generate-again')}
          </button>
        </div>
      </section>
    );
  }
  return (
    <section className="card" data-testid="generate-failed">
      <p className="studio-error" role="alert">
        {generation.failureMessage ?? t('miniapp-studio-generate-gone')}
      </p>
      <button type="button" className="button button--wide" onClick={onAgain} data-testid="generate-again">
        {t('miniapp-studio-generate-again')}
      </button>
    </section>
  );
}
