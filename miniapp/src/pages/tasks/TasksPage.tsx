import { useCallback, useEffect, useState } from 'react';
import { startTask, takeStartTask } from '../../start-route.ts';
import { NewTaskForm } from './NewTaskForm.tsx';
import { TaskList } from './TaskList.tsx';
import { TaskView } from './TaskView.tsx';
import './tasks.css';

type TView = { kind: 'list' } | { kind: 'new' } | { kind: 'task'; id: string };

/** Where the page opens: the list, unless the launch link from the bot named a task or the new-task form. */
function initialView(): TView {
  const start = startTask();
  if (!start) return { kind: 'list' };
  return start.kind === 'new' ? { kind: 'new' } : { kind: 'task', id: start.id };
}

/**
 * Video tasks (the vgen spec): the list → a new task, or one task with its materials, runs and results.
 * One route with steps inside, like the buy page: each step owns the BackButton, which walks back a step.
 */
export function TasksPage() {
  const [view, setView] = useState<TView>(initialView);
  useEffect(takeStartTask, []);
  const toList = useCallback(() => setView({ kind: 'list' }), []);
  const open = useCallback((id: string) => setView({ kind: 'task', id }), []);

  if (view.kind === 'new') return <NewTaskForm onBack={toList} onCreated={open} />;
  if (view.kind === 'task') return <TaskView key={view.id} taskId={view.id} onBack={toList} />;
  return <TaskList onOpen={open} onNew={() => setView({ kind: 'new' })} />;
}
