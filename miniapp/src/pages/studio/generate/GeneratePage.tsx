import { useEffect, useMemo, useState } from 'react';
import { formatTokens } from '#core/money/format-money.ts';
import type { TParamValue, TResultKind, TStudioModels } from '../../../../../server/contracts/studio.ts';
import { getStudioModels } from '../../../api/studio.ts';
import { useLoad } from '../../../api/use-load.ts';
import { CardSkeleton } from '../../../components/CardSkeleton.tsx';
import { InlineError } from '../../../components/InlineError.tsx';
import { Page } from '../../../components/Page.tsx';
import { useLanguage, useT } from '../../../i18n.ts';
import { useRouter } from '../../../router.tsx';
import { ModelPicker } from '../ModelPicker.tsx';
import { GenerationStatus } from './GenerationStatus.tsx';
import { OptionChips } from './OptionChips.tsx';
import { QuotaNote } from './QuotaNote.tsx';
import { useGeneration } from './use-generation.ts';

type TGenerateKind = Exclude<TResultKind, 'tool'>;

/** Models that make something from a description (the photo tools need a picture and live in the bot). */
const modelsOf = (data: TStudioModels, kind: TGenerateKind) =>
  data.models.filter(
    (m) => m.kind === kind && m.generation && !m.generation.inputImage && m.generation.prompt === 'required',
  );

/** Create an image, a video or music: model and price, prompt, options, the cost against the balance. */
export function GeneratePage({ kind }: { kind: TGenerateKind }) {
  const t = useT();
  const language = useLanguage();
  const { navigate } = useRouter();
  const loaded = useLoad(getStudioModels);
  const { state, start, reset } = useGeneration();
  const [modelId, setModelId] = useState<string | null>(null);
  const [prompt, setPrompt] = useState('');
  const [params, setParams] = useState<Record<string, TParamValue>>({});

  const data = loaded.status === 'ready' ? loaded.data : null;
  const models = useMemo(() => (data ? modelsOf(data, kind) : []), [data, kind]);
  const model = models.find((m) => m.id === modelId) ?? models[0];
  useEffect(() => {
    // Each model has its own options: switching resets them to the new model's defaults.
    setParams(Object.fromEntries(model?.generation?.options.map((o) => [o.name, o.default]) ?? []));
  }, [model]);

  const title = t(`miniapp-studio-generate-${kind}-title`);
  // After a result the balance has changed: reload it before the next request.
  const again = () => {
    reset();
    loaded.reload();
  };

  if (state.phase === 'running' || state.phase === 'finished')
    return (
      <Page back title={title} onBack={again}>
        <GenerationStatus
          generation={state.generation}
          onAgain={again}
          onGallery={() => navigate('/studio/gallery')}
        />
      </Page>
    );

  const available = data ? BigInt(data.available) : 0n;
  const price = model ? BigInt(model.price) : 0n;
  const enough = available >= price;
  const promptMax = model?.generation?.promptMax ?? 0;
  const spent = data ? data.quota.remaining === 0 : false;
  const ready =
    model !== undefined && prompt.trim().length > 0 && prompt.length <= promptMax && enough && !spent;

  return (
    <Page back title={title}>
      {loaded.status === 'loading' ? <CardSkeleton lines={4} /> : null}
      {loaded.status === 'failed' ? (
        <InlineError error={loaded.error} onRetry={loaded.reload} testId="generate-error" />
      ) : null}
      {data ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (ready && model) void start({ modelId: model.id, prompt, params, expectedPrice: model.price });
          }}
        >
          <QuotaNote quota={data.quota} onBuy={() => navigate('/buy')} />
          <section className="card">
            <h2 className="section__title">{t('miniapp-studio-model')}</h2>
            <ModelPicker
              models={models}
              value={model?.id ?? null}
              onChange={setModelId}
              priceKey="miniapp-studio-price-per-request"
              testId="generate-model"
            />
          </section>
          {model ? (
            <section className="card studio-form">
              <label className="studio-label" htmlFor="generate-prompt">
                {t(`miniapp-studio-generate-${kind}-prompt`)}
              </label>
              <textarea
                id="generate-prompt"
                className="studio-input studio-textarea"
                rows={4}
                value={prompt}
                maxLength={promptMax}
                placeholder={t(`miniapp-studio-generate-${kind}-placeholder`)}
                onChange={(event) => setPrompt(event.target.value)}
                data-testid="generate-prompt"
              />
              {model.generation?.options.map((option) => (
                <OptionChips
                  key={option.name}
                  option={option}
                  value={params[option.name] ?? option.default}
                  onChange={(value) => setParams((p) => ({ ...p, [option.name]: value }))}
                />
              ))}
            </section>
          ) : null}
          {model ? (
            <section className="card" data-testid="generate-summary">
              <dl className="rows">
                <div className="row">
                  <dt className="row__label">{t('miniapp-studio-cost')}</dt>
                  <dd className="row__value" data-testid="generate-cost">
                    {t('miniapp-studio-tokens', { tokens: formatTokens(model.price, language) })}
                  </dd>
                </div>
                <div className="row">
                  <dt className="row__label">{t('miniapp-studio-your-balance')}</dt>
                  <dd className="row__value" data-testid="generate-balance">
                    {t('miniapp-studio-tokens', { tokens: formatTokens(data.available, language) })}
                  </dd>
                </div>
              </dl>
              <p className="muted">{t('miniapp-studio-charge-note')}</p>
              {!enough ? (
                <p className="studio-error" role="alert" data-testid="generate-not-enough">
                  {t('miniapp-studio-not-enough')}
                </p>
              ) : null}
            </section>
          ) : null}
          {state.phase === 'refused' ? (
            <p className="card studio-error" role="alert" data-testid="generate-refused">
              {state.message}
            </p>
          ) : null}
          {model && !enough ? (
            <button
              type="button"
              className="button button--wide"
              onClick={() => navigate('/buy')}
              data-testid="generate-buy"
            >
              {t('miniapp-studio-buy')}
            </button>
          ) : (
            <button
              type="submit"
              className="button button--wide"
              disabled={!ready || state.phase === 'starting'}
              data-testid="generate-start"
            >
              {t('miniapp-studio-generate-start', { tokens: formatTokens(model?.price ?? '0', language) })}
            </button>
          )}
        </form>
      ) : null}
    </Page>
  );
}

export const ImagePage = () => <GeneratePage kind="image" />;
export const VideoPage = () => <GeneratePage kind="video" />;
export const AudioPage = () => <GeneratePage kind="audio" />;
