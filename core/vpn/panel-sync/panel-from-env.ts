import type { TVpnEnv } from '../env.ts';
import { createPanelClient, type TPanelClient } from '../panel/panel-client.ts';
import { panelConfigFromEnv } from '../panel/panel-config.ts';

/** The VPN fragment of the parsed env (core/config/env.ts parses the services' fragments into TEnv). */
export type TVpnConfig = Pick<TVpnEnv, keyof TVpnEnv>;

let cached: { key: string; client: TPanelClient } | null = null;
/** Set by the start-up check (panel-availability.ts) when the panel's version is one we do not speak. */
let switchedOff = false;

export function switchVpnOff(off: boolean): void {
  switchedOff = off;
}

/**
 * The panel client for the parsed env the worker and the adapters hold (one per configuration, reused so its
 * keep-alive connections are), or null when the VPN service is off (no REMNAWAVE_URL).
 */
export function panelFromEnv(env: TVpnConfig): TPanelClient | null {
  const config = panelConfigFromEnv(env);
  if (!config || switchedOff) return null;
  const key = JSON.stringify(config);
  if (cached?.key !== key) cached = { key, client: createPanelClient(config) };
  return cached.client;
}

/**
 * An operation's context carries the env as a plain record (TOperationContext); it is the same parsed env,
 * whose VPN fragment core/config/env.ts has already checked.
 */
export const vpnConfigOf = (env: Readonly<Record<string, unknown>>): TVpnConfig => env as TVpnConfig;
