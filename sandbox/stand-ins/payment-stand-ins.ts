import { randomBytes } from 'node:crypto';
import { startCryptoPayStandIn } from '#sandbox/cryptopay/cryptopay-stand-in.ts';
import { startYooKassaStandIn } from '#sandbox/yookassa/yookassa-stand-in.ts';
import { defineStandIn } from './stand-in.ts';

/** YooKassa: the app's notifications route gets its notifications, from the loopback address. */
export const yookassaStandIn = defineStandIn({
  async start(ctx) {
    const shopId = String(100_000 + Math.floor(Math.random() * 900_000));
    const secretKey = `test_${randomBytes(12).toString('hex')}`;
    const server = await startYooKassaStandIn({
      port: ctx.port('yookassa'),
      shopId,
      secretKey,
      notificationUrl: `${ctx.appUrl}/webhooks/yookassa`,
      logger: ctx.logger,
    });
    return {
      name: 'the YooKassa stand-in',
      url: server.url,
      env: {
        YOOKASSA_API_URL: server.url,
        YOOKASSA_SHOP_ID: shopId,
        YOOKASSA_SECRET_KEY: secretKey,
        // The stand-in posts from the loopback address, never from YooKassa's published ranges.
        YOOKASSA_ALLOWED_IPS: '127.0.0.1/32,::1/128',
      },
      control: { ...server.control, shopId, secretKey },
      close: () => server.close(),
    };
  },
});

/** Crypto Pay: its signed webhooks go to the app's route. */
export const cryptopayStandIn = defineStandIn({
  async start(ctx) {
    const token = `${1000 + Math.floor(Math.random() * 9000)}:${randomBytes(16).toString('hex')}`;
    const server = await startCryptoPayStandIn({
      port: ctx.port('cryptopay'),
      token,
      webhookUrl: `${ctx.appUrl}/webhooks/cryptopay`,
      logger: ctx.logger,
    });
    return {
      name: 'the Crypto Pay stand-in',
      url: server.url,
      env: { CRYPTOPAY_API_URL: server.url, CRYPTOPAY_TOKEN: token },
      control: { ...server.control, token },
      close: () => server.close(),
    };
  },
});
