import { buildAppEnv } from '#sandbox/launch/app-env.ts';
import type { TSandboxConfig } from './sandbox-config.ts';
import {
  ADMIN_BOT,
  SANDBOX_SECRETS,
  SUPER_ADMIN,
  SUPPORT_AGENT,
  SUPPORT_CHAT,
  USER_BOT,
} from './sandbox-world.ts';

/** Where each service the app talks to answers in this run. */
export interface TSandboxEndpoints {
  appPort: number;
  databaseUrl: string;
  redisUrl: string;
  telegramUrl: string;
  smtpUrl: string;
  /** The app's variables for the outside services' stand-ins (sandbox/stand-ins/stand-ins.ts). */
  services: Record<string, string>;
}

export const appUrlOf = (port: number) => `http://127.0.0.1:${port}`;

/**
 * The app's and worker's environment in the sandbox: every outside service is a local stand-in, every
 * secret a fixed sandbox value, and state under .sandbox/. Built on the e2e tests' builder, so a variable
 * added there is wired here too.
 */
export function sandboxAppEnv(config: TSandboxConfig, at: TSandboxEndpoints): Record<string, string> {
  const appUrl = appUrlOf(at.appPort);
  const env = buildAppEnv({
    nodeEnv: 'development',
    userBotToken: USER_BOT.token,
    adminBotToken: ADMIN_BOT.token,
    telegramApiRoot: at.telegramUrl,
    port: at.appPort,
    databaseUrl: at.databaseUrl,
    redisUrl: at.redisUrl,
    redisPrefix: config.redisPrefix,
    superAdminIds: [SUPER_ADMIN.id],
    dataEncryptionKey: SANDBOX_SECRETS.dataEncryptionKey,
    smtpUrl: at.smtpUrl,
    supportChatId: SUPPORT_CHAT.id,
    supportLanguage: SUPPORT_AGENT.language,
    miniAppUrl: `${appUrl}/`,
    // The emulator launches the Mini App with initData signed by the bot's token, as Telegram does.
    devAuth: false,
    logLevel: config.logLevel,
    analyticsDir: config.analyticsDir,
    filesDir: config.filesDir,
    services: at.services,
  });
  // A new account in the sandbox can try the studio at once, as a first impression should be; production
  // grants nothing unless WELCOME_GRANT_TOKENS says so. The demo's public WELCOME code is the one a user out of
  // tokens is told about (scripts/sandbox/demo-data.ts).
  return { ...env, WELCOME_GRANT_TOKENS: '20000', WELCOME_PROMO_CODES: 'WELCOME' };
}
