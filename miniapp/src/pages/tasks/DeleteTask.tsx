import { useState } from 'react';
import { deleteTask } from '../../api/tasks.ts';
import { errorMessage } from '../../components/error-message.ts';
import { useT } from '../../i18n.ts';
import { useMe } from '../../me-context.ts';

/** Deleting asks once more; a task with a run in progress is refused by the server until the run ends. */
export function DeleteTask({ taskId, onDeleted }: { taskId: string; onDeleted: () => void }) {
  const t = useT();
  const { request } = useMe();
  const [state, setState] = useState<{ kind: 'idle' | 'ask' | 'busy' } | { kind: 'failed'; message: string }>(
    {
      kind: 'idle',
    },
  );

  const remove = async () => {
    setState({ kind: 'busy' });
    try {
      await deleteTask(request, taskId);
      onDeleted();
    } catch (error) {
      setState({ kind: 'failed', message: errorMessage(error, t) });
    }
  };

  if (state.kind === 'idle' || state.kind === 'failed')
    return (
      <>
        {state.kind === 'failed' ? (
          <p className="task-error" role="alert" data-testid="task-delete-error">
            {state.message}
          </p>
        ) : null}
        <button
          type="button"
          className="button button--secondary button--wide task-delete"
          onClick={() => setState({ kind: 'ask' })}
          data-testid="task-delete"
        >
          {t('miniapp-task-delete')}
        </button>
      </>
    );
  return (
    <div className="card" data-testid="task-delete-confirm">
      <p>{t('miniapp-task-delete-question')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setState({ kind: 'idle' })}
          disabled={state.kind === 'busy'}
        >
          {t('miniapp-task-cancel')}
        </button>
        <button
          type="button"
          className="button task-delete"
          onClick={() => void remove()}
          disabled={state.kind === 'busy'}
          data-testid="task-delete-yes"
        >
          {t('miniapp-task-delete-yes')}
        </button>
      </div>
    </div>
  );
}
