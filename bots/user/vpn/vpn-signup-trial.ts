import type { BotDeps } from '#bots/shared/deps.ts';
import { isAppError } from '#core/errors/app-error.ts';
import type { Logger } from '#core/logging/logger.ts';
import { panelFromEnv } from '#core/vpn/panel-sync/panel-from-env.ts';
import { activateTrial } from '#core/vpn/subscription/activate-trial.ts';

/**
 * Spec 001 starts the VPN trial when signup ends (VPN_TRIAL_AT_SIGNUP, and only with a panel configured).
 * Returns the expiry to tell in the welcome, or null. Signup must finish whatever happens here, so a failure
 * is logged and the user simply has no trial yet (/trial still offers it).
 */
export async function trialAtSignup(
  deps: BotDeps,
  userId: bigint,
  log: Pick<Logger, 'warn'>,
): Promise<string | null> {
  try {
    if (!deps.config.VPN_TRIAL_AT_SIGNUP || !panelFromEnv(deps.config)) return null;
    const { expiresAt } = await activateTrial(deps.db, { userId });
    return expiresAt.toISOString();
  } catch (error) {
    // Someone who came through an invite link already has free days: no trial on top, and nothing went wrong.
    if (isAppError(error, 'VPN_TRIAL_HAS_PLAN') || isAppError(error, 'VPN_TRIAL_USED')) return null;
    log.warn({ err: error instanceof Error ? error.message : String(error) }, 'VPN trial at signup failed');
    return null;
  }
}
