import type { Logger } from '#core/logging/logger.ts';
import { isPanelError } from '../panel/panel-error.ts';
import { panelFromEnv, switchVpnOff, type TVpnConfig } from './panel-from-env.ts';

export type TPanelStartCheck =
  | { status: 'off' }
  | { status: 'ok'; version: string }
  /** A panel version this client does not speak: the VPN service stays off in this process. */
  | { status: 'unsupported'; message: string }
  /** Not reachable now: the service stays on, and calls retry (a panel restarting must not switch it off). */
  | { status: 'unreachable'; message: string };

/**
 * Reads the panel's version once at start-up (the app and the worker each). An unsupported version switches
 * the VPN service off with a message naming it (panelFromEnv then answers null, so every VPN screen says
 * "unavailable" and no job calls the panel); the rest of the platform runs on.
 */
export async function checkPanelAtStart(config: TVpnConfig, logger: Logger): Promise<TPanelStartCheck> {
  switchVpnOff(false);
  const panel = panelFromEnv(config);
  if (!panel) return { status: 'off' };
  try {
    const version = await panel.checkVersion();
    logger.info({ version }, 'VPN panel connected');
    return { status: 'ok', version };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (isPanelError(error, 'unsupported')) {
      switchVpnOff(true);
      logger.error({ err: message }, 'VPN service stopped: the panel version is not supported');
      return { status: 'unsupported', message };
    }
    logger.warn({ err: message }, 'VPN panel not reachable at start; the VPN service keeps trying');
    return { status: 'unreachable', message };
  }
}
