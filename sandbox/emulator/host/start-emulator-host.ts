import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { ViteDevServer } from 'vite';
import { closeServer, connectableHost, listen } from '../../http-stand-in/http-basics.ts';
import type { TelegramTestClient } from '../../telegram/client.ts';
import type { TEmulatorConfig } from '../contract/host-api.ts';
import { type ApiContext, handleApiRequest } from './api-routes.ts';
import { BotDirectory } from './bot-directory.ts';
import { EMULATOR_VITE_CONFIG } from './build-emulator.ts';
import type { EmulatorHost, TEmulatorBot, TEmulatorHostOptions } from './emulator-host-options.ts';
import { EventRelay } from './event-relay.ts';
import { EMULATOR_DIST, emulatorIsBuilt, serveBuiltAsset } from './static-assets.ts';

export { buildEmulator } from './build-emulator.ts';
export type { EmulatorHost, TEmulatorBot, TEmulatorHostOptions } from './emulator-host-options.ts';
export { emulatorIsBuilt } from './static-assets.ts';

/**
 * Registers (or renames) the bots on the local Bot API under the given usernames and titles, so what the
 * page shows is what the Bot API says: getMe, @mentions and invoice links all name the same bot.
 */
async function registerBots(client: TelegramTestClient, bots: TEmulatorBot[]): Promise<BotDirectory> {
  const usernames = new Set(bots.map((bot) => bot.username.toLowerCase()));
  if (bots.length === 0 || usernames.size !== bots.length)
    throw new Error('startEmulatorHost: give at least one bot, each with its own username');
  const directory = new BotDirectory();
  for (const bot of bots) {
    const info = await client.registerBot({ token: bot.token, username: bot.username, firstName: bot.title });
    directory.add(bot, info.id);
  }
  return directory;
}

/** The support group as the page reads it: through the user bot, created with the user bots if missing. */
async function supportChat(
  client: TelegramTestClient,
  bots: TEmulatorBot[],
  chatId: number,
): Promise<NonNullable<TEmulatorConfig['supportChat']>> {
  const userBots = bots.filter((bot) => bot.kind === 'user');
  const reader = userBots[0];
  if (!reader) throw new Error('startEmulatorHost: a support chat needs a bot of kind "user" in it');
  const existing = (await client.state()).chats.find((chat) => chat.chat.id === chatId);
  const chat =
    existing?.chat ??
    (await client.createGroup({ id: chatId, title: 'Support', botTokens: userBots.map((bot) => bot.token) }));
  return { id: chatId, title: chat.type === 'private' ? 'Support' : chat.title, bot: reader.username };
}

async function viteMiddleware(server: ReturnType<typeof createServer>): Promise<ViteDevServer> {
  const { createServer: createViteServer } = await import('vite');
  return createViteServer({
    configFile: EMULATOR_VITE_CONFIG,
    appType: 'spa',
    // Hot reload over the host's own port, so the page needs nothing but the host.
    server: { middlewareMode: true, ws: { server } },
  });
}

/**
 * The chat emulator: a Telegram-Web-like page for the sandbox's bots and the JSON/SSE API it uses. The page
 * plays the users through the local Bot API's control API, follows its event stream through the host, and
 * opens Mini Apps with initData the host signs with the right bot's token.
 */
export async function startEmulatorHost(options: TEmulatorHostOptions): Promise<EmulatorHost> {
  const logger = options.logger ?? (() => {});
  const host = options.host ?? '127.0.0.1';
  const assets = options.assets ?? 'built';
  const distDir = options.distDir ?? EMULATOR_DIST;
  if (assets === 'built' && !emulatorIsBuilt(distDir))
    throw new Error(
      `startEmulatorHost: ${distDir} holds no built page; call buildEmulator() ` +
        '(vite build --config sandbox/emulator/vite.config.ts) first',
    );
  const { client } = options.telegram;
  const bots = await registerBots(client, options.bots);
  const config: TEmulatorConfig = {
    bots: bots.public(),
    ...(options.supportChatId !== undefined
      ? { supportChat: await supportChat(client, options.bots, options.supportChatId) }
      : {}),
    links: {
      ...(options.mailInboxUrl ? { mailInbox: options.mailInboxUrl } : {}),
      ...(options.links?.yookassa ? { yookassa: options.links.yookassa } : {}),
      ...(options.links?.cryptopay ? { cryptopay: options.links.cryptopay } : {}),
    },
    miniAppUrl: options.miniAppUrl,
  };
  const relay = new EventRelay(options.telegram.url, (token) => bots.usernameOf(token), logger);
  const context: ApiContext = { client, bots, relay, config };

  let vite: ViteDevServer | undefined;
  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/api/')) return handleApiRequest({ ...context, req, res, url }, logger);
    if (vite) return vite.middlewares(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    return serveBuiltAsset(res, distDir, url.pathname);
  };
  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      logger(`emulator: ${req.method} ${req.url} failed: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    });
  });
  try {
    if (assets === 'vite') vite = await viteMiddleware(server);
    const port = await listen(server, options.port, host);
    const url = `http://${connectableHost(host)}:${port}/`;
    logger(`emulator: chat emulator on ${url}`);
    let closing: Promise<void> | undefined;
    return {
      url,
      close: () => {
        closing ??= (async () => {
          relay.close();
          await vite?.close();
          await closeServer(server);
        })();
        return closing;
      },
    };
  } catch (error) {
    relay.close();
    await vite?.close();
    throw error;
  }
}
