import { type FormEvent, useState } from 'react';
import { TASK_PROMPT_MAX, TASK_TITLE_MAX, type TTaskDetails } from '../../../../server/contracts/tasks.ts';
import { editTask, getTaskModels } from '../../api/tasks.ts';
import { useLoad } from '../../api/use-load.ts';
import { errorMessage } from '../../components/error-message.ts';
import { useT } from '../../i18n.ts';
import { useMe } from '../../me-context.ts';
import { fitParams, ParamsFields, type TVideoParams } from './ParamsFields.tsx';

type TSaveState = { kind: 'idle' | 'busy' | 'saved' } | { kind: 'failed'; message: string };

const paramsOf = (details: TTaskDetails): Partial<TVideoParams> => {
  const { seconds, aspect } = details.task.params;
  return {
    seconds: typeof seconds === 'number' ? seconds : undefined,
    aspect: typeof aspect === 'string' ? aspect : undefined,
  };
};

/** Edit what the next run does: title, prompt, length and shape. A run in progress keeps what it started with. */
export function TaskSettings({
  details,
  onSaved,
}: {
  details: TTaskDetails;
  onSaved: (details: TTaskDetails) => void;
}) {
  const t = useT();
  const { request } = useMe();
  const models = useLoad(getTaskModels);
  const [title, setTitle] = useState(details.task.title);
  const [prompt, setPrompt] = useState(details.task.prompt);
  const [params, setParams] = useState<Partial<TVideoParams>>(() => paramsOf(details));
  const [state, setState] = useState<TSaveState>({ kind: 'idle' });
  // A model switched off since the task was made is not in the list: its options are shown as they are.
  const model =
    models.status === 'ready' ? models.data.models.find((m) => m.id === details.task.modelId) : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (state.kind === 'busy' || !title.trim()) return;
    setState({ kind: 'busy' });
    try {
      const saved = await editTask(request, details.task.id, {
        title: title.trim(),
        prompt,
        ...(model && { params: fitParams(model, params) }),
      });
      setState({ kind: 'saved' });
      onSaved(saved);
    } catch (error) {
      setState({ kind: 'failed', message: errorMessage(error, t) });
    }
  };
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      if (state.kind !== 'busy') setState({ kind: 'idle' });
    };

  return (
    <form className="card task-form" onSubmit={(e) => void submit(e)} data-testid="task-settings">
      <h2 className="section__title">{t('miniapp-task-settings')}</h2>
      <label className="task-form__group">
        <span className="section__title">{t('miniapp-task-title-label')}</span>
        <input
          className="task-input"
          value={title}
          maxLength={TASK_TITLE_MAX}
          onChange={(e) => edit(setTitle)(e.target.value)}
          required
          data-testid="task-settings-title"
        />
      </label>
      <label className="task-form__group">
        <span className="section__title">{t('miniapp-task-prompt-label')}</span>
        <textarea
          className="task-input task-input--area"
          value={prompt}
          maxLength={TASK_PROMPT_MAX}
          rows={4}
          onChange={(e) => edit(setPrompt)(e.target.value)}
          placeholder={t('miniapp-task-prompt-placeholder')}
          data-testid="task-settings-prompt"
        />
      </label>
      {model ? (
        <ParamsFields model={model} value={fitParams(model, params)} onChange={edit(setParams)} />
      ) : null}
      {state.kind === 'failed' ? (
        <p className="task-error" role="alert">
          {state.message}
        </p>
      ) : null}
      <button
        type="submit"
        className="button button--secondary button--wide"
        disabled={state.kind === 'busy' || !title.trim()}
        data-testid="task-settings-save"
      >
        {state.kind === 'saved' ? t('miniapp-task-saved') : t('miniapp-task-save')}
      </button>
    </form>
  );
}
