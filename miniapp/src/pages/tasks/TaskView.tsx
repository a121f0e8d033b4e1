import { CardSkeleton } from '../../components/CardSkeleton.tsx';
import { InlineError } from '../../components/InlineError.tsx';
import { Page } from '../../components/Page.tsx';
import { ProgressBar } from '../../components/ProgressBar.tsx';
import { useT } from '../../i18n.ts';
import { DeleteTask } from './DeleteTask.tsx';
import { MaterialsSection } from './MaterialsSection.tsx';
import { RunList } from './RunList.tsx';
import { RunPanel } from './RunPanel.tsx';
import { TaskSettings } from './TaskSettings.tsx';
import { TaskStatusBadge } from './TaskStatusBadge.tsx';
import { useTask } from './use-task.ts';

/** One task: its status (live while a run is active), run or regenerate, materials, settings and runs. */
export function TaskView({ taskId, onBack }: { taskId: string; onBack: () => void }) {
  const t = useT();
  const task = useTask(taskId);
  const details = task.status === 'ready' ? task.data : null;
  const latest = details?.runs[0];
  const active = latest && (latest.status === 'queued' || latest.status === 'running');

  return (
    <Page back title={details?.task.title ?? t('miniapp-task-title')} onBack={onBack}>
      {task.status === 'loading' ? <CardSkeleton lines={4} /> : null}
      {task.status === 'failed' ? (
        <InlineError error={task.error} onRetry={task.reload} testId="task-error" />
      ) : null}
      {details ? (
        <>
          <section className="card task-head" data-testid="task-head">
            <div className="task-head__line">
              <span className="list__hint">{details.task.modelName}</span>
              <TaskStatusBadge status={details.task.status} />
            </div>
            {active && latest ? (
              <ProgressBar
                percent={latest.progress}
                label={t('miniapp-task-run-progress')}
                text={t('miniapp-progress-percent', { percent: latest.progress })}
                testId="task-progress"
              />
            ) : null}
          </section>
          <RunPanel details={details} onStarted={task.reload} />
          {/* Results before inputs: once a task has run, its videos are what the user came back for. */}
          <RunList runs={details.runs} />
          <MaterialsSection details={details} onChange={task.replace} />
          <TaskSettings details={details} onSaved={task.replace} />
          <DeleteTask taskId={details.task.id} onDeleted={onBack} />
        </>
      ) : null}
    </Page>
  );
}
