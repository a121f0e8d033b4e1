// A small route table for the `/api/v0/...` paths; `:name` segments are parameters. The CLI writes
// some paths with a trailing slash and some without: both are accepted.

import type { TAccount } from './vastai-json.ts';
import type { TReply } from './vastai-replies.ts';
import type { VastaiStore } from './vastai-store.ts';

export type TRequest = {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body (GET requests may carry one); undefined when there was none. */
  body: unknown;
};

export type THost = { store: VastaiStore; account: TAccount; apiKey: string };

export type TRoute = { method: string; path: string; handle(host: THost, req: TRequest): TReply };

const trim = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p);

export function matchRoute(
  routes: readonly TRoute[],
  method: string,
  path: string,
): { route: TRoute; params: Record<string, string> } | undefined {
  const wanted = trim(path).split('/');
  for (const route of routes) {
    if (route.method !== method) continue;
    const parts = trim(route.path).split('/');
    if (parts.length !== wanted.length) continue;
    const params: Record<string, string> = {};
    const matches = parts.every((part, i) => {
      const segment = wanted[i] ?? '';
      if (part.startsWith(':')) {
        params[part.slice(1)] = decodeURIComponent(segment);
        return segment !== '';
      }
      return part === segment;
    });
    if (matches) return { route, params };
  }
  return undefined;
}
