import { useEffect } from 'react';
import { listTasks } from '../../api/tasks.ts';
import { useLoad } from '../../api/use-load.ts';
import { CardSkeleton } from '../../components/CardSkeleton.tsx';
import { InlineError } from '../../components/InlineError.tsx';
import { Page } from '../../components/Page.tsx';
import { useT } from '../../i18n.ts';
import { TaskStatusBadge } from './TaskStatusBadge.tsx';

/** While a task in the list is running, the list looks again this often to show it finishing. */
const LIST_REFRESH_MS = 5_000;

export function TaskList({ onOpen, onNew }: { onOpen: (taskId: string) => void; onNew: () => void }) {
  const t = useT();
  const tasks = useLoad(listTasks);
  const running = tasks.status === 'ready' && tasks.data.tasks.some((task) => task.status === 'running');
  const { reload } = tasks;
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(reload, LIST_REFRESH_MS);
    return () => clearTimeout(timer);
  });

  return (
    <Page back title={t('miniapp-tasks-title')}>
      <p className="page__subtitle">{t('miniapp-tasks-subtitle')}</p>
      <button type="button" className="button button--wide" onClick={onNew} data-testid="tasks-new">
        {t('miniapp-tasks-new')}
      </button>
      {tasks.status === 'loading' ? <CardSkeleton lines={3} /> : null}
      {tasks.status === 'failed' ? (
        <InlineError error={tasks.error} onRetry={tasks.reload} testId="tasks-error" />
      ) : null}
      {tasks.status === 'ready' && tasks.data.tasks.length === 0 ? (
        <p className="card muted" data-testid="tasks-empty">
          {t('miniapp-tasks-empty')}
        </p>
      ) : null}
      {tasks.status === 'ready' && tasks.data.tasks.length > 0 ? (
        <ul className="card list" data-testid="tasks-list">
          {tasks.data.tasks.map((task) => (
            <li key={task.id} className="list__row">
              <button
                type="button"
                className="task-row"
                onClick={() => onOpen(task.id)}
                data-testid="task-row"
                data-task-id={task.id}
              >
                <span className="list__main">
                  <span className="list__title" data-testid="task-row-title">
                    {task.title}
                  </span>
                  <span className="list__hint">
                    {t('miniapp-tasks-row-hint', { model: task.modelName, materials: task.materialCount })}
                  </span>
                </span>
                <TaskStatusBadge status={task.status} testId="task-row-status" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </Page>
  );
}
