import type { TRoutePath } from './router.tsx';

/** What a link from the bot asked to open: `?task=<id>` or `?task=new` (core/video-tasks/task-link.ts). */
export type TStartTask = { kind: 'task'; id: string } | { kind: 'new' };

type TStart = { stack: readonly TRoutePath[]; task: TStartTask | null; admin: boolean };

// The query, not the hash: Telegram delivers its launch parameters in the hash and keeps the query as the
// bot's button gave it. Read once at start; a reload inside Telegram keeps the same URL, so it reopens there.
function parse(search: string): TStart {
  const query = new URLSearchParams(search);
  // The admin bot's menu button (bots/admin/admin-app-button.ts): the admin screens, signed by the admin bot.
  if (query.get('mode') === 'admin') return { stack: ['/admin'], task: null, admin: true };
  const task = query.get('task');
  if (task === 'new') return { stack: ['/', '/tasks'], task: { kind: 'new' }, admin: false };
  if (task && /^\d{1,19}$/.test(task))
    return { stack: ['/', '/tasks'], task: { kind: 'task', id: task }, admin: false };
  return { stack: ['/'], task: null, admin: false };
}

const start = parse(typeof window === 'undefined' ? '' : window.location.search);

/** The screens below the one the app opens on, so the BackButton leads home from a deep link too. */
export const startStack = (): readonly TRoutePath[] => start.stack;

/**
 * Opened from the admin bot: the app shows the admin home and calls /api/admin/ only. Not a privilege: the
 * server accepts those calls only with initData the admin bot signed, from a staff member whose role allows.
 */
export const isAdminLaunch = (): boolean => start.admin;

let taskTaken = false;

/** The task the launch link named, until the tasks page has opened it once (then the page is the user's). */
export const startTask = (): TStartTask | null => (taskTaken ? null : start.task);
export const takeStartTask = (): void => {
  taskTaken = true;
};
