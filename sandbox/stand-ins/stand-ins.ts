import { aiStandIn } from './ai-stand-ins.ts';
import { bigqueryStandIn } from './bigquery-stand-in-entry.ts';
import { cryptopayStandIn, yookassaStandIn } from './payment-stand-ins.ts';
import { remnawaveStandIn } from './remnawave-stand-in-entry.ts';
import type { TRunningStandIn, TStandIn, TStandInContext } from './stand-in.ts';

/**
 * Every outside service of the platform as a local stand-in: the one list that `npm run sandbox`,
 * `npm run dev` and the e2e stack start (the Bot API and the mail catcher are the platform's own and are
 * started first by each of them). A new service's stand-in is one line here.
 */
export const STAND_INS = {
  yookassa: yookassaStandIn,
  cryptopay: cryptopayStandIn,
  ai: aiStandIn,
  bigquery: bigqueryStandIn,
  remnawave: remnawaveStandIn,
};

type TList = typeof STAND_INS;
export type TRunningStandIns = {
  [K in keyof TList]: TList[K] extends TStandIn<infer C> ? TRunningStandIn<C> : never;
};

/**
 * Starts them all; `own` hears of each one as soon as it listens, so a failure halfway still lets the caller
 * stop the ones already started. Returns them by name, and the app's variables for all of them.
 */
export async function startStandIns(
  ctx: TStandInContext,
  own: (name: string, close: () => Promise<unknown>) => void = () => {},
): Promise<{ running: TRunningStandIns; env: Record<string, string> }> {
  const running: Record<string, TRunningStandIn<unknown>> = {};
  let env: Record<string, string> = {};
  for (const [id, standIn] of Object.entries(STAND_INS) as [string, TStandIn<unknown>][]) {
    const started = await standIn.start(ctx);
    own(started.name, () => started.close());
    running[id] = started;
    env = { ...env, ...started.env };
  }
  return { running: running as TRunningStandIns, env };
}
