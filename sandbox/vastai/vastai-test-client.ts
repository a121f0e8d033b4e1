// Starts a stand-in for one test and calls it with plain fetch, as a client of the real API would.
import { startVastaiStandIn, type TVastaiStandIn, type TVastaiStandInOptions } from './vastai-stand-in.ts';

export const API_KEY = 'a'.repeat(64);

/** 2026-03-01T20:00:00Z: a 10 h rental from here spans two UTC days, 4 h + 6 h. */
export const EVENING = new Date(Date.UTC(2026, 2, 1, 20));

export type TCallOptions = {
  /** null: no key at all; default the account's key as a bearer token. */
  key?: string | null;
  /** Send the key as the legacy `?api_key=` instead of the header. */
  keyInQuery?: boolean;
  body?: unknown;
};

export type TCallReply = { status: number; headers: Headers; text: string; json: unknown };

export type TCall = (method: string, path: string, opts?: TCallOptions) => Promise<TCallReply>;

export async function withVast(
  run: (vast: TVastaiStandIn, call: TCall) => Promise<void>,
  opts: TVastaiStandInOptions = {},
): Promise<void> {
  const vast = await startVastaiStandIn({ apiKey: API_KEY, now: EVENING, ...opts });
  const call: TCall = async (method, path, callOpts = {}) => {
    const key = callOpts.key === undefined ? vast.apiKey : callOpts.key;
    const url = new URL(path, vast.url);
    const headers: Record<string, string> = {};
    if (key !== null && callOpts.keyInQuery) url.searchParams.set('api_key', key);
    else if (key !== null) headers.authorization = `Bearer ${key}`;
    if (callOpts.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(url, {
      method,
      headers,
      body: callOpts.body === undefined ? undefined : JSON.stringify(callOpts.body),
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  };
  try {
    await run(vast, call);
  } finally {
    await vast.close();
  }
}

/** The machine-create body the CLI's `list machine` sends, with its defaults. */
export function askBody(machine: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    machine,
    price_gpu: 0.5,
    price_disk: 0.1,
    price_inetu: 0.01,
    price_inetd: 0.01,
    price_min_bid: 0.3,
    min_chunk: 1,
    end_date: null,
    credit_discount_max: 0.4,
    duration: null,
    vol_size: null,
    vol_price: null,
    ...overrides,
  };
}
