import { run } from '@grammyjs/runner';
import { openReplyStream } from '#bench/bot-updates/reply-stream.ts';
import { syncModelCatalog } from '#core/ai/models/sync-model-catalog.ts';
import { createAiGateway } from '#core/ai/providers/create-ai-gateway.ts';
import { aiConfigOf } from '#core/ai/providers/provider-config.ts';
import type { PrismaClient } from '#core/db/create-prisma.ts';
import { startOpenAiStandIn } from '#sandbox/openai/openai-stand-in.ts';
import { TelegramTestClient } from '#sandbox/telegram/client.ts';
import { startTelegramServer } from '#sandbox/telegram/server.ts';
import { createTestDatabase } from '#tests/support/test-database.ts';
import { createTestRedis, TEST_REDIS_URL } from '#tests/support/test-redis.ts';
import { createStreamingBot, tapFirstText } from './streaming-bot.ts';

const TOKEN = '7000021:bench-ai-streaming-token-abcdef';
const KEY = 'sk-bench-streaming-aaaaaaaaaaaa';

export interface TStreamingStack {
  token: string;
  telegram: TelegramTestClient;
  db: PrismaClient;
  /** When the first text of a reply left the provider stream, by the prompt it answers. */
  firstText: Map<string, number>;
  /** When the bot's first message in a chat reached the Bot API's event stream, by chat id. */
  firstVisible: Map<number, number>;
  close(): Promise<void>;
}

/**
 * Local Bot API (Telegram's flood limits on), OpenAI stand-in streaming at `pace`, a fresh database and Redis
 * prefix, and the user bot polling through @grammyjs/runner, all in this process; closes whatever started.
 */
export async function startStreamingStack(pace: {
  chunkChars: number;
  delayMs: number;
}): Promise<TStreamingStack> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    const server = await startTelegramServer({ port: 0 });
    cleanups.push(() => server.close());
    const telegram = new TelegramTestClient(server.url);
    await telegram.registerBot({ token: TOKEN, username: 'bench_streaming_bot', firstName: 'Polygram' });
    const standIn = await startOpenAiStandIn({ keys: [KEY], stream: pace });
    cleanups.push(() => standIn.close());
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const redis = await createTestRedis();
    cleanups.push(() => redis.cleanup());
    await syncModelCatalog(database.db);

    const firstText = new Map<string, number>();
    const gateway = createAiGateway({
      config: aiConfigOf({
        AI_PROVIDERS: {
          openai: { type: 'openai', baseUrl: standIn.apiBase, keys: [KEY], timeoutMs: 60_000 },
        },
        AI_ROUTES: {},
      }),
      redis: redis.redis,
      redisPrefix: redis.prefix,
    });
    const bot = createStreamingBot({
      token: TOKEN,
      apiRoot: server.url,
      databaseUrl: database.url,
      redisUrl: TEST_REDIS_URL,
      redisPrefix: redis.prefix,
      db: database.db,
      redis: redis.redis,
      ai: tapFirstText(gateway, (prompt, at) => firstText.set(prompt, at)),
    });
    cleanups.push(bot.close);
    await bot.bot.init();
    const runner = run(bot.bot);
    cleanups.push(async () => runner.isRunning() && runner.stop());

    const firstVisible = new Map<number, number>();
    const stream = await openReplyStream(server.url, ({ message, at }) => {
      if (!firstVisible.has(message.chat_id)) firstVisible.set(message.chat_id, at);
    });
    cleanups.push(async () => stream.close());
    return { token: TOKEN, telegram, db: database.db, firstText, firstVisible, close };
  } catch (error) {
    await close();
    throw error;
  }
}
