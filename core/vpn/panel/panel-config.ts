import type { TVpnEnv } from '../env.ts';

export type TPanelConfig = {
  /** The panel's base URL without `/api`; a trailing slash is dropped. */
  baseUrl: string;
  /** The panel's API token (a JWT); a leading `Bearer ` is dropped. */
  token: string;
  /** Headers for an auth layer in front of the panel (Caddy `X-Api-Key`, basic auth, Cloudflare Access). */
  extraHeaders?: Readonly<Record<string, string>>;
  /** `name=value` for a cookie gate in front of the panel. */
  cookie?: string;
  timeoutMs: number;
  /** Attempts per idempotent call, the first included. */
  maxAttempts: number;
  /** First backoff step; each retry doubles it, with jitter. */
  retryBaseMs?: number;
};

/** The panel client's settings from the parsed env; null when REMNAWAVE_URL is unset (VPN off). */
export function panelConfigFromEnv(env: TVpnEnv): TPanelConfig | null {
  if (!env.REMNAWAVE_URL) return null;
  // The env fragment cannot tie two variables together; the VPN service checks this at start-up.
  if (!env.REMNAWAVE_TOKEN) throw new Error('REMNAWAVE_TOKEN: required when REMNAWAVE_URL is set');
  return {
    baseUrl: env.REMNAWAVE_URL,
    token: env.REMNAWAVE_TOKEN,
    extraHeaders: env.REMNAWAVE_EXTRA_HEADERS,
    cookie: env.REMNAWAVE_COOKIE,
    timeoutMs: env.REMNAWAVE_TIMEOUT_MS,
    maxAttempts: env.REMNAWAVE_MAX_ATTEMPTS,
  };
}
