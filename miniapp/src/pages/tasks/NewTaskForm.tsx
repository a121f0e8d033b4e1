import { type FormEvent, useState } from 'react';
import { TASK_PROMPT_MAX, TASK_TITLE_MAX } from '../../../../server/contracts/tasks.ts';
import { createTask, getTaskModels } from '../../api/tasks.ts';
import { useLoad } from '../../api/use-load.ts';
import { CardSkeleton } from '../../components/CardSkeleton.tsx';
import { errorMessage } from '../../components/error-message.ts';
import { InlineError } from '../../components/InlineError.tsx';
import { Page } from '../../components/Page.tsx';
import { useT } from '../../i18n.ts';
import { useMe } from '../../me-context.ts';
import { ModelPicker } from './ModelPicker.tsx';
import { fitParams, ParamsFields, type TVideoParams } from './ParamsFields.tsx';

/** Create: a title, the model type (with its price), what the video should show, its length and shape. */
export function NewTaskForm({
  onBack,
  onCreated,
}: {
  onBack: () => void;
  onCreated: (taskId: string) => void;
}) {
  const t = useT();
  const { request } = useMe();
  const models = useLoad(getTaskModels);
  const [title, setTitle] = useState('');
  const [prompt, setPrompt] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [params, setParams] = useState<Partial<TVideoParams>>({});
  const [state, setState] = useState<
    { kind: 'idle' } | { kind: 'busy' } | { kind: 'failed'; message: string }
  >({
    kind: 'idle',
  });

  const list = models.status === 'ready' ? models.data.models : [];
  const model = list.find((m) => m.id === chosen) ?? list[0];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!model || state.kind === 'busy' || !title.trim()) return;
    setState({ kind: 'busy' });
    try {
      const created = await createTask(request, {
        title: title.trim(),
        modelId: model.id,
        prompt,
        params: fitParams(model, params),
      });
      onCreated(created.task.id);
    } catch (error) {
      setState({ kind: 'failed', message: errorMessage(error, t) });
    }
  };

  return (
    <Page back title={t('miniapp-task-new-title')} onBack={onBack}>
      {models.status === 'loading' ? <CardSkeleton lines={4} /> : null}
      {models.status === 'failed' ? (
        <InlineError error={models.error} onRetry={models.reload} testId="task-models-error" />
      ) : null}
      {models.status === 'ready' && !model ? (
        <p className="card muted" data-testid="task-models-empty">
          {t('miniapp-task-models-empty')}
        </p>
      ) : null}
      {model ? (
        <form className="task-form" onSubmit={(e) => void submit(e)} data-testid="task-new-form">
          <label className="task-form__group">
            <span className="section__title">{t('miniapp-task-title-label')}</span>
            <input
              className="task-input"
              value={title}
              maxLength={TASK_TITLE_MAX}
              onChange={(e) => setTitle(e.target.value)}
              placeholder={t('miniapp-task-title-placeholder')}
              required
              data-testid="task-title-input"
            />
          </label>
          <ModelPicker models={list} value={model.id} onChange={setChosen} />
          <label className="task-form__group">
            <span className="section__title">{t('miniapp-task-prompt-label')}</span>
            <textarea
              className="task-input task-input--area"
              value={prompt}
              maxLength={TASK_PROMPT_MAX}
              rows={4}
              onChange={(e) => setPrompt(e.target.value)}
              placeholder={t('miniapp-task-prompt-placeholder')}
              data-testid="task-prompt-input"
            />
          </label>
          <ParamsFields model={model} value={fitParams(model, params)} onChange={setParams} />
          {state.kind === 'failed' ? (
            <p className="task-error" role="alert" data-testid="task-new-error">
              {state.message}
            </p>
          ) : null}
          <button
            type="submit"
            className="button button--wide"
            disabled={state.kind === 'busy' || !title.trim()}
            data-testid="task-create"
          >
            {t('miniapp-task-create')}
          </button>
        </form>
      ) : null}
    </Page>
  );
}
