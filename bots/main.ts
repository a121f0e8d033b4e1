import { Queue } from 'bullmq';
import { type Bot, BotError, type Context } from 'grammy';
import type { Update } from 'grammy/types';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { bootstrapSuperAdmins } from '#core/accounts/manage-roles.ts';
import { AI_QUEUE, type TAiJob } from '#core/ai/generation/generation-job.ts';
import { syncModelCatalog } from '#core/ai/models/sync-model-catalog.ts';
import { createConfiguredAiGateway } from '#core/ai/providers/configured-ai-gateway.ts';
import { ConfigError, loadEnv } from '#core/config/env.ts';
import { deriveKey } from '#core/crypto/secret-box.ts';
import { createFileStore } from '#core/files/create-file-store.ts';
import { fileUrlKeyOf } from '#core/files/signed-url.ts';
import { LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { maskBotTokens } from '#core/logging/logger.ts';
import { createMailer } from '#core/mail/mailer.ts';
import { NOTIFY_QUEUE, type TNotifyJob } from '#core/notify/notify-job.ts';
import { createProviderClients } from '#core/payments/create-provider-clients.ts';
import { createCryptoPayGateway } from '#core/payments/cryptobot/cryptopay-gateway.ts';
import type { PaymentGateways } from '#core/payments/payment-gateway.ts';
import { createYooKassaGateway } from '#core/payments/yookassa/yookassa-gateway.ts';
import { createInfrastructure } from '#core/runtime/infrastructure.ts';
import { checkPanelAtStart } from '#core/vpn/panel-sync/panel-availability.ts';
import { createServer } from '#server/create-server.ts';
import { createAdminBot } from './admin/bot.ts';
import { registerAdminCommands, registerUserCommands } from './register-commands.ts';
import { runPolling } from './run-polling.ts';
import { BackgroundWork } from './shared/background-work.ts';
import { setChatMenuButton } from './shared/chat-menu-button.ts';
import type { BotDeps } from './shared/deps.ts';
import { createBotMetrics } from './shared/metrics.ts';
import { createStarsGateway } from './shared/stars-gateway.ts';
import { createUserBot } from './user/bot.ts';

const MINIAPP_DIR = new URL('../dist/miniapp', import.meta.url).pathname;

/** The app process: both bots and the HTTP server. */
async function main() {
  const config = loadEnv();
  const infra = createInfrastructure(config, 'app');
  const { logger, db, redis, shutdown } = infra;
  shutdown.onSignals();

  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const translator = loadTranslator(LOCALES_DIR);
  const mailer = createMailer(config.SMTP_URL, config.MAIL_FROM);
  shutdown.add('mailer', () => mailer.close());
  const notifyQueue = new Queue<TNotifyJob>(NOTIFY_QUEUE, { connection: redis, prefix: infra.queuePrefix });
  shutdown.add('notify queue', () => notifyQueue.close());
  const aiQueue = new Queue<TAiJob>(AI_QUEUE, { connection: redis, prefix: infra.queuePrefix });
  shutdown.add('ai queue', () => aiQueue.close());

  const granted = await bootstrapSuperAdmins(db, config.SUPER_ADMIN_IDS);
  if (granted > 0) logger.info({ granted }, 'super admins bootstrapped');
  // In the background: a panel that is down must not hold the start-up (its calls retry for tens of seconds).
  void checkPanelAtStart(config, logger);
  const synced = await syncModelCatalog(db);
  if (synced.inserted > 0) logger.info(synced, 'AI models added from the catalog');
  const ai = createConfiguredAiGateway({ env: config, redis, logger, metrics: registry });

  const fileStore = createFileStore(config);
  const fileUrlKey = fileUrlKeyOf(config.DATA_ENCRYPTION_KEY);

  const gateways: PaymentGateways = {};
  const providers = createProviderClients(config);
  const background = new BackgroundWork();
  const deps: BotDeps = {
    background,
    config,
    db,
    redis,
    logger,
    translator,
    mailer,
    notifyQueue,
    metrics: createBotMetrics(registry),
    emailCodeKey: deriveKey(config.DATA_ENCRYPTION_KEY, 'email-code'),
    miniAppUrl: config.MINIAPP_URL ?? config.PUBLIC_URL ?? null,
    gateways,
    ai,
    fileStore,
    fileUrlKey,
    aiQueue,
  };
  const userBot = createUserBot(config.BOT_TOKEN, deps);
  const adminBot = createAdminBot(config.ADMIN_BOT_TOKEN, deps);
  gateways.stars = createStarsGateway(userBot.api, translator);
  await Promise.all([userBot.init(), adminBot.init()]);
  if (providers.yookassa)
    gateways.yookassa = createYooKassaGateway({
      client: providers.yookassa,
      receipts: config.YOOKASSA_RECEIPTS,
    });
  if (providers.cryptopay) {
    const botUrl = `https://t.me/${userBot.botInfo.username}`;
    gateways.cryptobot = createCryptoPayGateway({ client: providers.cryptopay, botUrl });
  }
  await registerUserCommands(userBot.api, translator, deps.miniAppUrl);
  await registerAdminCommands(adminBot.api, translator);

  const webhookMode = config.BOT_MODE === 'webhook';
  const server = await createServer({
    config,
    db,
    redis,
    logger,
    translator,
    metrics: registry,
    miniAppDir: MINIAPP_DIR,
    payments: { notifyQueue, ...providers },
    gateways,
    userBotUsername: userBot.botInfo.username,
    ai,
    fileStore,
    fileUrlKey,
    aiQueue,
    onLanguageChanged: (user) =>
      setChatMenuButton(
        userBot.api,
        { translator, miniAppUrl: deps.miniAppUrl, log: logger },
        { chatId: user.id, lang: user.language },
      ),
    webhooks: webhookMode ? { user: webhookHandler(userBot), admin: webhookHandler(adminBot) } : undefined,
  });
  // Runs after polling and HTTP have stopped taking updates (closers run in reverse order).
  shutdown.add('chat replies', async () => {
    const cut = await background.drain(30_000);
    if (cut > 0) logger.warn({ cut }, 'chat replies still running at shutdown');
  });
  shutdown.add('http', () => server.close());
  await server.listen({ host: config.HOST, port: config.PORT });

  if (webhookMode && config.PUBLIC_URL && config.WEBHOOK_SECRET) {
    for (const [name, bot] of [
      ['user', userBot],
      ['admin', adminBot],
    ] as const) {
      await bot.api.setWebhook(`${config.PUBLIC_URL}/telegram/${name}/${config.WEBHOOK_SECRET}`, {
        secret_token: config.WEBHOOK_SECRET,
      });
    }
  } else {
    // A webhook left over from a production run would make getUpdates fail with 409.
    await Promise.all([userBot.api.deleteWebhook(), adminBot.api.deleteWebhook()]);
    // Not the runner's run(): a Stars payment update is confirmed to Telegram only once handled (run-polling.ts).
    const runners = [runPolling(userBot, logger), runPolling(adminBot, logger)];
    shutdown.add('polling', async () => {
      await Promise.all(runners.map((r) => r.isRunning() && r.stop()));
      // stop() ends fetching, not the updates already being handled: their conversation state and replies
      // must finish before Redis and PostgreSQL close, or a restart resumes a signup from a stale step.
      const deadline = Date.now() + 10_000;
      while (runners.some((r) => r.size() > 0) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
    });
    // The runner gives up for good on 401 and 409 (another instance polls this bot). A process that no longer
    // polls must not look healthy: it exits, and the supervisor decides what runs.
    for (const runner of runners) {
      runner.task()?.catch((error: unknown) => {
        logger.fatal({ err: maskBotTokens(String(error)) }, 'polling stopped');
        void shutdown.run('polling failed').then(() => process.exit(1));
      });
    }
  }
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info({ mode: config.BOT_MODE, port, user: userBot.botInfo.username }, 'app started');
}

/**
 * What the webhook route calls for one update. Handler failures end in the bot's error boundary and
 * `handleUpdate` resolves; anything thrown before the boundary goes to `bot.catch`, as the runner does in
 * polling mode, so both modes share the last resort too.
 */
function webhookHandler<C extends Context>(bot: Bot<C>) {
  // The route checked it is an update from Telegram (secret, update_id); grammY reads the rest.
  return async (update: unknown) => {
    try {
      await bot.handleUpdate(update as Update);
    } catch (error) {
      if (!(error instanceof BotError)) throw error;
      // Thrown by this bot's handleUpdate, so it carries this bot's context.
      await bot.errorHandler(error as BotError<C>);
    }
  };
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
