/**
 * Links that open the Mini App on the tasks pages: `?task=<id>` for one task, `?task=new` for the new-task
 * form. The query, not the hash: Telegram puts its own launch parameters in the hash. The Mini App reads it
 * on start (miniapp/src/start-route.ts).
 */
export function taskLink(miniAppUrl: string, taskId: bigint | 'new'): string {
  const url = new URL(miniAppUrl);
  url.searchParams.set('task', taskId.toString());
  return url.toString();
}
