import { ConfigError, type TEnv } from '#core/config/env.ts';
import { createCryptoPayClient, type TCryptoPayClient } from './cryptobot/cryptopay-client.ts';
import { createYooKassaClient, type TYooKassaClient } from './yookassa/yookassa-client.ts';

/**
 * The API clients of the payment providers that are configured; a provider without its credentials is
 * simply absent (no gateway in /buy, no webhook route). Half a YooKassa configuration is a mistake, not
 * "off", so it stops start-up.
 */
export function createProviderClients(config: TEnv): {
  yookassa?: TYooKassaClient;
  cryptopay?: TCryptoPayClient;
} {
  const { YOOKASSA_SHOP_ID: shopId, YOOKASSA_SECRET_KEY: secretKey, CRYPTOPAY_TOKEN: token } = config;
  if (Boolean(shopId) !== Boolean(secretKey)) {
    throw new ConfigError(['YOOKASSA_SHOP_ID and YOOKASSA_SECRET_KEY: set both or neither']);
  }
  return {
    ...(shopId &&
      secretKey && {
        yookassa: createYooKassaClient({ shopId, secretKey, apiBase: config.YOOKASSA_API_URL }),
      }),
    ...(token && { cryptopay: createCryptoPayClient({ token, apiBase: config.CRYPTOPAY_API_URL }) }),
  };
}
