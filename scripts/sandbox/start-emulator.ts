import {
  buildEmulator,
  type EmulatorHost,
  emulatorIsBuilt,
  startEmulatorHost,
} from '#sandbox/emulator/host/start-emulator-host.ts';
import { TelegramTestClient } from '#sandbox/telegram/client.ts';
import { ADMIN_BOT, SUPPORT_CHAT, USER_BOT } from './sandbox-world.ts';

/** dist/emulator is built on the first run, like the Mini App; after changing sandbox/emulator, delete it. */
export async function buildEmulatorIfMissing(step: (text: string) => void): Promise<void> {
  if (emulatorIsBuilt()) return;
  step('Building the chat emulator into dist/emulator (first run only)');
  await buildEmulator();
}

/** The one page the sandbox prints: both bots, the support group, the Mini App panel, the inbox link. */
export function startSandboxEmulator(opts: {
  port: number;
  telegramUrl: string;
  miniAppUrl: string;
  mailInboxUrl: string;
  logger: (line: string) => void;
}): Promise<EmulatorHost> {
  return startEmulatorHost({
    port: opts.port,
    telegram: { url: opts.telegramUrl, client: new TelegramTestClient(opts.telegramUrl) },
    bots: [USER_BOT, ADMIN_BOT],
    supportChatId: SUPPORT_CHAT.id,
    miniAppUrl: opts.miniAppUrl,
    mailInboxUrl: opts.mailInboxUrl,
    logger: opts.logger,
  });
}
