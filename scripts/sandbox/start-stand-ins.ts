import { startBigQueryStandIn } from '#sandbox/bigquery/bigquery-stand-in.ts';
import { startCryptoPayStandIn } from '#sandbox/cryptopay/cryptopay-stand-in.ts';
import { startMailCatcher } from '#sandbox/mail/mail-catcher.ts';
import { startOpenAiStandIn } from '#sandbox/openai/openai-stand-in.ts';
import { startPredictionStandIn } from '#sandbox/predictions/prediction-stand-in.ts';
import { startTelegramServer } from '#sandbox/telegram/server.ts';
import { startYooKassaStandIn } from '#sandbox/yookassa/yookassa-stand-in.ts';
import type { TPortName } from './sandbox-config.ts';
import { appUrlOf } from './sandbox-env.ts';
import { SANDBOX_SECRETS } from './sandbox-world.ts';

export interface TStandIns {
  telegramUrl: string;
  smtpUrl: string;
  mailInboxUrl: string;
  yookassaUrl: string;
  cryptopayUrl: string;
  openAiUrl: string;
  openAiApiBase: string;
  predictionsUrl: string;
  bigqueryUrl: string;
}

/** Registers what was started, so a failure halfway still stops the ones already listening. */
export type TOwn = (name: string, close: () => Promise<unknown>) => void;

/**
 * Every outside service of the platform, as the in-process stand-ins under sandbox/, on the configured
 * ports. Their webhooks and notifications go to the app's routes, as the real services' would.
 */
export async function startStandIns(opts: {
  ports: Record<TPortName, number>;
  logger: (line: string) => void;
  own: TOwn;
}): Promise<TStandIns> {
  const { ports, logger, own } = opts;
  const appUrl = appUrlOf(ports.app);
  const telegram = await startTelegramServer({ port: ports.telegram, logger });
  own('the local Bot API', () => telegram.close());
  const mail = await startMailCatcher({ smtpPort: ports.smtp, httpPort: ports.mail, logger });
  own('the mail catcher', () => mail.close());
  const yookassa = await startYooKassaStandIn({
    port: ports.yookassa,
    ...SANDBOX_SECRETS.yookassa,
    notificationUrl: `${appUrl}/webhooks/yookassa`,
    logger,
  });
  own('the YooKassa stand-in', () => yookassa.close());
  const cryptopay = await startCryptoPayStandIn({
    port: ports.cryptopay,
    token: SANDBOX_SECRETS.cryptopayToken,
    webhookUrl: `${appUrl}/webhooks/cryptopay`,
    logger,
  });
  own('the Crypto Pay stand-in', () => cryptopay.close());
  const openAi = await startOpenAiStandIn({ port: ports.openai, keys: [SANDBOX_SECRETS.openAiKey], logger });
  own('the OpenAI-compatible stand-in', () => openAi.close());
  const predictions = await startPredictionStandIn({
    port: ports.predictions,
    tokens: [SANDBOX_SECRETS.predictionsToken],
    logger,
  });
  own('the prediction API stand-in', () => predictions.close());
  const bigquery = await startBigQueryStandIn({
    port: ports.bigquery,
    token: SANDBOX_SECRETS.bigquery.token,
  });
  own('the BigQuery stand-in', () => bigquery.close());
  return {
    telegramUrl: telegram.url,
    smtpUrl: mail.smtpUrl,
    mailInboxUrl: mail.httpUrl,
    yookassaUrl: yookassa.url,
    cryptopayUrl: cryptopay.url,
    openAiUrl: openAi.url,
    openAiApiBase: openAi.apiBase,
    predictionsUrl: predictions.url,
    bigqueryUrl: bigquery.url,
  };
}
