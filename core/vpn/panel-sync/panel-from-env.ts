import { z } from 'zod';
import { vpnEnv } from '../env.ts';
import { createPanelClient, type TPanelClient } from '../panel/panel-client.ts';
import { panelConfigFromEnv } from '../panel/panel-config.ts';

const ZVpnEnvSchema = z.object(vpnEnv);
let cached: { key: string; client: TPanelClient } | null = null;

/**
 * The panel client for the parsed env the worker and the adapters hold (one per configuration, reused so its
 * keep-alive connections are), or null when the VPN service is off (no REMNAWAVE_URL).
 */
export function panelFromEnv(env: Readonly<Record<string, unknown>>): TPanelClient | null {
  const config = panelConfigFromEnv(ZVpnEnvSchema.parse(env));
  if (!config) return null;
  const key = JSON.stringify(config);
  if (cached?.key !== key) cached = { key, client: createPanelClient(config) };
  return cached.client;
}
