import type { TTaskStatus } from '../../../../server/contracts/tasks.ts';
import { useT } from '../../i18n.ts';

export function TaskStatusBadge({
  status,
  testId = 'task-status',
}: {
  status: TTaskStatus;
  testId?: string;
}) {
  const t = useT();
  return (
    <span className={`badge task-badge task-badge--${status}`} data-testid={testId} data-status={status}>
      {t(`miniapp-task-status-${status}`)}
    </span>
  );
}
