import { startRemnawaveStandIn } from '#sandbox/remnawave/remnawave-stand-in.ts';
import { defineStandIn } from './stand-in.ts';

/**
 * The VPN's Remnawave panel: the VPN service provisions users there, reads traffic, devices and nodes, and
 * receives its signed webhooks at the app's route, as from an operator's panel. Its state lives in memory, so
 * the sandbox pushes every subscription to it again at start (scripts/sandbox/resync-vpn.ts).
 */
export const remnawaveStandIn = defineStandIn({
  async start(ctx) {
    const panel = await startRemnawaveStandIn({
      port: ctx.port('remnawave'),
      webhookUrl: `${ctx.appUrl}/webhooks/remnawave`,
      logger: ctx.logger,
    });
    return {
      name: 'the Remnawave panel stand-in',
      url: panel.url,
      env: {
        REMNAWAVE_URL: panel.url,
        REMNAWAVE_TOKEN: panel.token,
        REMNAWAVE_WEBHOOK_SECRET: panel.webhookSecret,
      },
      control: panel.control,
      close: () => panel.close(),
    };
  },
});
