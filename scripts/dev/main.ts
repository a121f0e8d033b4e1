// `npm run dev`: the whole platform offline in one terminal. The local Bot API and the mail catcher run
// in this process, the app and worker as the real processes production runs, and the terminal becomes a
// Telegram client for both bots. See scripts/dev/README.md.
import { buildAppEnv } from '#sandbox/launch/app-env.ts';
import { startAppProcesses } from '#sandbox/launch/spawn-app-processes.ts';
import { startMailCatcher } from '#sandbox/mail/mail-catcher.ts';
import { startStandIns } from '#sandbox/stand-ins/stand-ins.ts';
import { TelegramTestClient } from '#sandbox/telegram/client.ts';
import { startTelegramServer } from '#sandbox/telegram/server.ts';
import { renderBanner } from './banner.ts';
import { buildMiniApp, miniAppIsBuilt } from './build-miniapp.ts';
import { ChatSession } from './chat-session.ts';
import { checkPortFree, checkServices } from './check-services.ts';
import { CleanupStack } from './cleanup-stack.ts';
import { type DevConfig, readDevConfig } from './dev-config.ts';
import { DevSetupError } from './dev-setup-error.ts';
import { followEvents } from './event-feed.ts';
import { type LogFiles, openLogFiles } from './log-files.ts';
import { parseCommand } from './parse-command.ts';
import { prepareDatabase } from './prepare-database.ts';
import { seedTelegram } from './seed-telegram.ts';
import { Terminal } from './terminal.ts';
import { startWebviewHost } from './webview-host.ts';

const cleanup = new CleanupStack();
let quitting = false;

async function quit(exitCode: number): Promise<void> {
  if (quitting) return;
  quitting = true;
  if (!cleanup.isEmpty) console.log('\nStopping everything this script started…');
  const problems = await cleanup.run();
  for (const problem of problems) console.error(`  could not stop ${problem}`);
  process.exit(problems.length > 0 ? 1 : exitCode);
}

const step = (text: string) => console.log(`· ${text}`);

async function checkPrerequisites(config: DevConfig): Promise<void> {
  step('Checking PostgreSQL and Redis');
  await checkServices(config);
  await checkPortFree(config.appPort, 'DEV_PORT');
  await checkPortFree(config.webviewPort, 'DEV_WEBVIEW_PORT');
  await checkPortFree(config.telegramPort, 'DEV_TELEGRAM_PORT');
  await checkPortFree(config.smtpPort, 'DEV_SMTP_PORT');
  await checkPortFree(config.mailHttpPort, 'DEV_MAIL_PORT');
  step(`Applying migrations to ${new URL(config.databaseUrl).pathname.slice(1)}`);
  const { created } = await prepareDatabase(config.databaseUrl);
  if (created) step('  (database created)');
  if (!miniAppIsBuilt()) {
    step('Building the Mini App into dist/miniapp (first run only)');
    await buildMiniApp();
  }
}

async function startPlatform(config: DevConfig, logs: LogFiles) {
  const telegramServer = await startTelegramServer({ port: config.telegramPort, logger: logs.sandboxLogger });
  cleanup.add('the local Bot API', () => telegramServer.close());
  const mail = await startMailCatcher({
    smtpPort: config.smtpPort,
    httpPort: config.mailHttpPort,
    logger: logs.sandboxLogger,
  });
  cleanup.add('the mail catcher', () => mail.close());
  const webview = await startWebviewHost({ port: config.webviewPort, miniAppUrl: `${config.appUrl}/` });
  cleanup.add('the Mini App page', () => webview.close());
  const telegram = new TelegramTestClient(telegramServer.url);
  await seedTelegram(telegram, config);
  // Every outside service's stand-in on a free port: "Bank card" and "Crypto" in /buy open their pages in a
  // browser, the AI models answer.
  const services = await startStandIns(
    { appUrl: config.appUrl, port: () => 0, logger: logs.sandboxLogger },
    (name, close) => cleanup.add(name, close),
  );

  step('Starting the app and the worker');
  const env = buildAppEnv({
    nodeEnv: 'development',
    userBotToken: config.userBot.token,
    adminBotToken: config.adminBot.token,
    telegramApiRoot: telegramServer.url,
    port: config.appPort,
    databaseUrl: config.databaseUrl,
    redisUrl: config.redisUrl,
    redisPrefix: config.redisPrefix,
    superAdminIds: [config.devUser.id],
    dataEncryptionKey: config.dataEncryptionKey,
    smtpUrl: mail.smtpUrl,
    supportChatId: config.supportChatId,
    supportLanguage: config.supportAgent.language,
    miniAppUrl: `${config.appUrl}/`,
    devAuth: true,
    logLevel: config.logLevel,
    services: services.env,
  });
  const processes = await startAppProcesses({
    env,
    sink: logs.sink,
    onUnexpectedExit: (name, code, signal) => {
      if (quitting) return;
      console.error(
        `\n${name} stopped unexpectedly (${code ?? signal}). Its last lines (${logs.paths[name]}):`,
      );
      console.error(logs.tail(name));
      void quit(1);
    },
  });
  cleanup.add('the app and the worker', () => processes.stop());
  return { telegramServer, mail, telegram };
}

async function main(): Promise<void> {
  const config = readDevConfig(process.env);
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  process.once('SIGINT', () => void quit(130));
  process.once('SIGTERM', () => void quit(143));

  await checkPrerequisites(config);
  const logs = openLogFiles(config.logDir);
  cleanup.add('the log files', () => logs.close());
  const { telegramServer, mail, telegram } = await startPlatform(config, logs);

  const session: ChatSession = new ChatSession({
    config,
    telegram,
    mail,
    color,
    print: (text) => terminal.print(text),
    onQuit: () => void quit(0),
  });
  const terminal: Terminal = new Terminal({
    onLine: async (line) => {
      const command = parseCommand(line);
      if (command) await session.run(command);
      terminal.setPrompt(session.prompt());
    },
    onQuit: () => void quit(0),
  });
  cleanup.add('the terminal', () => terminal.close());
  const events = new AbortController();
  cleanup.add('the event stream', () => events.abort());
  void followEvents(
    telegramServer.url,
    {
      onEvent: (event) => session.onEvent(event),
      onDrop: (reason) => terminal.print(`! Lost the Bot API event stream (${reason}); reconnecting.`),
    },
    events.signal,
  );

  console.log(
    renderBanner({
      config,
      telegramUrl: telegramServer.url,
      inboxUrl: mail.httpUrl,
      logPaths: logs.paths,
      color,
    }),
  );
  terminal.setPrompt(session.prompt());
  terminal.prompt();
}

/** A process that failed to start carries all its output; the end holds the reason, the files hold the rest. */
function lastLines(text: string, count = 30): string {
  const lines = text.split('\n');
  return lines.length <= count ? text : [lines[0], '…', ...lines.slice(-count)].join('\n');
}

main().catch(async (error: unknown) => {
  if (error instanceof DevSetupError) console.error(`\n${error.message}`);
  else if (error instanceof Error && / before it was ready|did not log /.test(error.message))
    console.error(`\n${lastLines(error.message)}\n\nFull logs: .sandbox/logs/`);
  else if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE')
    console.error(`\n${error.message}: another program took the port while starting; try again.`);
  else console.error('\nnpm run dev failed:', error);
  await quit(1);
});
