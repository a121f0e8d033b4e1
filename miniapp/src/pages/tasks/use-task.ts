import { useCallback, useEffect, useState } from 'react';
import type { TTaskDetails } from '../../../../server/contracts/tasks.ts';
import { getTask } from '../../api/tasks.ts';
import type { TLoadState } from '../../api/use-load.ts';
import { useMe } from '../../me-context.ts';

// While a run is active the page asks again, sooner at first (short jobs, the first progress) and then
// less often: a video takes minutes, and the API allows 1,000 requests an hour per address.
const POLL_FIRST_MS = 1_000;
const POLL_MAX_MS = 5_000;
const POLL_GROWTH = 1.5;

/**
 * One task, polled while its latest run is queued or running. `replace` puts in what a change answered
 * with (every change returns the whole task); `reload` asks again and polls if a run started.
 */
export function useTask(taskId: string) {
  const { request } = useMe();
  const [state, setState] = useState<TLoadState<TTaskDetails>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = POLL_FIRST_MS;
    // `generation` only re-runs this effect; reading it keeps the dependency honest for the linter.
    void generation;
    let shown = false;
    const load = async () => {
      try {
        const data = await getTask(request, taskId);
        if (!alive) return;
        shown = true;
        setState({ status: 'ready', data });
        if (data.task.status !== 'running') return;
      } catch (error) {
        if (!alive) return;
        // A failed poll keeps what is on screen and tries again; only a failed first load is an error.
        if (!shown) {
          setState({ status: 'failed', error });
          return;
        }
      }
      timer = setTimeout(() => void load(), delay);
      delay = Math.min(POLL_MAX_MS, delay * POLL_GROWTH);
    };
    void load();
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [request, taskId, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const replace = useCallback((data: TTaskDetails) => setState({ status: 'ready', data }), []);
  return { ...state, reload, replace };
}
