import { defineErrors } from '#core/errors/error-catalog.ts';

/** The VPN service's own failures, in the bot and the Mini App alike. */
export const vpnErrors = defineErrors({
  // The service is off (no panel configured) or stopped at start-up (a panel version it does not speak).
  VPN_UNAVAILABLE: { status: 503, bot: 'vpn-error-unavailable', api: 'api-error-vpn-unavailable' },
  // The trial is once per account, also after it ended; carries `date` (when it was taken).
  VPN_TRIAL_USED: { status: 409, bot: 'vpn-error-trial-used', api: 'api-error-vpn-trial-used' },
  // Somebody who has (or had) a paid plan gets no trial.
  VPN_TRIAL_HAS_PLAN: { status: 409, bot: 'vpn-error-trial-has-plan', api: 'api-error-vpn-trial-has-plan' },
  // Asked for a config, devices or a link change without a subscription.
  VPN_NO_SUBSCRIPTION: {
    status: 404,
    bot: 'vpn-error-no-subscription',
    api: 'api-error-vpn-no-subscription',
  },
  // The subscription exists and the panel user is still being set up (after payment, panel down).
  VPN_NOT_READY: { status: 409, bot: 'vpn-error-not-ready', api: 'api-error-vpn-not-ready' },
  // An admin switched the subscription off.
  VPN_DISABLED: { status: 403, bot: 'vpn-error-disabled', api: 'api-error-vpn-disabled' },
});

declare module '#core/errors/app-error.ts' {
  interface TErrorCodes extends Record<keyof typeof vpnErrors, true> {}
}
