import { useCallback, useEffect, useRef, useState } from 'react';
import type { TGeneration, TStartGeneration } from '../../../../../server/contracts/studio.ts';
import { getGeneration, startGeneration } from '../../../api/studio.ts';
import { errorMessage } from '../../../components/error-message.ts';
import { useT } from '../../../i18n.ts';
import { useMe } from '../../../me-context.ts';

/** Polling every second: the worker updates progress at most about that often for quick jobs. */
const POLL_MS = 1_000;

export type TGenerationState =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'running'; generation: TGeneration }
  | { phase: 'finished'; generation: TGeneration }
  | { phase: 'refused'; message: string };

/** Starts one generation and follows it by polling until it is final. */
export function useGeneration() {
  const { request } = useMe();
  const t = useT();
  const [state, setState] = useState<TGenerationState>({ phase: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const live = useRef(true);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      clearTimeout(timer.current);
    };
  }, []);

  const follow = useCallback(
    (generation: TGeneration) => {
      if (!live.current) return;
      const final = generation.status !== 'queued' && generation.status !== 'running';
      setState({ phase: final ? 'finished' : 'running', generation });
      if (final) return;
      timer.current = setTimeout(() => {
        getGeneration(request, generation.id).then(follow, () => follow(generation));
      }, POLL_MS);
    },
    [request],
  );

  const start = useCallback(
    async (body: TStartGeneration) => {
      setState({ phase: 'starting' });
      try {
        follow(await startGeneration(request, body));
      } catch (error) {
        if (live.current) setState({ phase: 'refused', message: errorMessage(error, t) });
      }
    },
    [request, follow, t],
  );

  const reset = useCallback(() => {
    clearTimeout(timer.current);
    setState({ phase: 'idle' });
  }, []);

  return { state, start, reset };
}
