// For the stand-in's own tests: calls the panel the way a client behind the rules must (bearer
// token, forwarded headers over plain http), with switches to break each rule.
import { REMNAWAVE_BYPASS_HTTPS_RESTRCTIONS } from '@remnawave/backend-contract';
import {
  startRemnawaveStandIn,
  type TRemnawaveStandIn,
  type TRemnawaveStandInOptions,
} from './remnawave-stand-in.ts';

export type TCall = { status: number; json: unknown; text: string; headers: Headers };

export type TCallOptions = { body?: unknown; token?: string | null; forwarded?: boolean };

export function panelCaller(panel: TRemnawaveStandIn) {
  return async (method: string, path: string, opts: TCallOptions = {}): Promise<TCall> => {
    const token = opts.token === undefined ? panel.token : opts.token;
    const response = await fetch(`${panel.url}${path}`, {
      method,
      headers: {
        ...(opts.forwarded === false ? {} : REMNAWAVE_BYPASS_HTTPS_RESTRCTIONS),
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, json, text, headers: response.headers };
  };
}

export async function withPanel(
  run: (panel: TRemnawaveStandIn, call: ReturnType<typeof panelCaller>) => Promise<void>,
  opts: TRemnawaveStandInOptions = {},
): Promise<void> {
  const panel = await startRemnawaveStandIn({ webhookRetry: { attempts: 2, delayMs: 10 }, ...opts });
  try {
    await run(panel, panelCaller(panel));
  } finally {
    await panel.close();
  }
}

/** A create body a shop bot would send: a month from now. */
export function newUser(username: string, extra: Record<string, unknown> = {}) {
  return { username, expireAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), ...extra };
}
