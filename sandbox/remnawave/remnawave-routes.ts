// A tiny route table: the panel's paths (from the contract's REST_API) with `:name` parameters.
import type { TReply } from './remnawave-replies.ts';
import type { RemnawaveStore } from './remnawave-store.ts';

export type TRequest = {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  /** The parsed JSON body; undefined when there was none. */
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
};

export type TPanel = {
  store: RemnawaveStore;
  /** Where subscription URLs point: `<origin>/api/sub`. */
  subscriptionBase: string;
  version: string;
  startedAt: Date;
};

export type TRoute = {
  method: string;
  /** A REST_API path; `:name` segments are parameters. */
  path: string;
  /** Public routes need no bearer token, like the panel's subscription controller. */
  public?: boolean;
  handle(panel: TPanel, req: TRequest): TReply;
};

/** The contract builds parametrised paths with functions: this gives their `:name` form. */
export const pattern = (build: (param: string) => string, name: string): string => build(`:${name}`);

export function matchRoute(
  routes: readonly TRoute[],
  method: string,
  path: string,
): { route: TRoute; params: Record<string, string> } | { route: undefined; pathKnown: boolean } {
  // The contract writes collection roots with a trailing slash ("/api/users/"); Nest ignores it.
  const trim = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p);
  const wanted = trim(path).split('/');
  let pathKnown = false;
  for (const route of routes) {
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
    if (!matches) continue;
    pathKnown = true;
    if (route.method === method) return { route, params };
  }
  return { route: undefined, pathKnown };
}
