import type { TBenchModule, TBenchResult, TBenchRow } from '#bench/types.ts';
import { TelegramTestClient } from '#sandbox/telegram/client.ts';
import { startTelegramServer } from '#sandbox/telegram/server.ts';
import { createTestDatabase } from '#tests/support/test-database.ts';
import { createTestRedis, TEST_REDIS_URL } from '#tests/support/test-redis.ts';
import { benchUsers, registerTelegramUsers, seedAccounts, type TBenchUser } from './bench-users.ts';
import { startBotChild } from './bot-child.ts';
import { bareBot, polygramBot, type TBotUnderTest } from './bots-under-test.ts';
import { driveLoad } from './drive-load.ts';
import { measurePhase } from './measure-phase.ts';
import { openReplyStream } from './reply-stream.ts';
import { ReplyTracker } from './reply-tracker.ts';
import { commandSender, type TSendCommand } from './send-command.ts';
import { verifyChats } from './verify-chats.ts';

const WORKLOAD = {
  command: '/profile',
  users: 500,
  /** One command per user first: connection pools, JIT and Prisma's query cache warm up unmeasured. */
  warmupPerUser: 1,
  /** 6 × 500 = 3000 commands under load. */
  loadedPerUser: 6,
  /**
   * Commands in flight at most under load: enough to keep a bot busy, but bounded. Latency under a closed
   * loop is then window / throughput (Little's law), so it says how deep the queue is, not how fast one
   * update is; that is what the single-command phase below is for.
   */
  window: 200,
  /** Then one command at a time, from this many users: the latency a user sees when the bot is idle. */
  singleCommands: 300,
};
/** Per user: 1 + 6 + at most 1 = 8 commands, under the user bot's flood limit (20 per 10 s) at any speed. */
const COMMANDS_PER_USER = WORKLOAD.warmupPerUser + WORKLOAD.loadedPerUser + 1;
/** A reply later than this fails the run: something is stuck, and the figures would be meaningless. */
const REPLY_TIMEOUT_MS = 15_000;
/** After the last reply, how long a duplicate reply gets to show up before the counts are checked. */
const SETTLE_MS = 300;

/** Round-robin over users: consecutive commands come from different chats, like real traffic. */
const roundRobin = (users: readonly TBenchUser[], rounds: number) =>
  Array.from({ length: rounds }, () => users.map((u) => u.id)).flat();

interface TSetup {
  client: TelegramTestClient;
  users: TBenchUser[];
  send: TSendCommand;
  /** Replies of every bot arrive on one stream; the bot being measured routes them to its tracker. */
  route(tracker: ReplyTracker | undefined): void;
}

/** One bot in its own process: warm-up, the loaded phase, the single-command phase; every reply checked. */
async function measureBot(setup: TSetup, bot: TBotUnderTest): Promise<[TBenchRow, TBenchRow]> {
  const { client, users } = setup;
  await client.registerBot({ token: bot.start.token, username: `bench_${bot.key}_bot` });
  const tracker = new ReplyTracker({ token: bot.start.token, check: bot.check, timeoutMs: REPLY_TIMEOUT_MS });
  setup.route(tracker);
  const child = await startBotChild(bot.start);
  try {
    const load = (senders: number[], window: number) => ({
      send: setup.send,
      token: bot.start.token,
      text: WORKLOAD.command,
      senders,
      window,
      tracker,
    });
    await driveLoad(load(roundRobin(users, WORKLOAD.warmupPerUser), WORKLOAD.window));
    const loaded = await measurePhase(
      { key: bot.key, label: bot.label },
      child,
      load(roundRobin(users, WORKLOAD.loadedPerUser), WORKLOAD.window),
    );
    const single = await measurePhase(
      { key: `${bot.key}-single`, label: bot.singleLabel },
      child,
      load(
        users.slice(0, WORKLOAD.singleCommands).map((u) => u.id),
        1,
      ),
    );

    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const sent = users.length * (WORKLOAD.warmupPerUser + WORKLOAD.loadedPerUser) + WORKLOAD.singleCommands;
    if (tracker.violations.length > 0)
      throw new Error(
        `${bot.label}: ${tracker.violations.length} stray replies:\n  ${tracker.violations.slice(0, 10).join('\n  ')}`,
      );
    if (tracker.replies !== sent)
      throw new Error(`${bot.label}: ${sent} commands, ${tracker.replies} replies`);
    await verifyChats({
      client,
      token: bot.start.token,
      users,
      commandsPerUser: (index) => COMMANDS_PER_USER - (index < WORKLOAD.singleCommands ? 0 : 1),
    });
    return [loaded, single];
  } finally {
    setup.route(undefined);
    await child.stop();
  }
}

/** What a reader must know before trusting a row: where the CPU went, and who was the bottleneck. */
function bottleneckNotes(rows: readonly TBenchRow[]): string[] {
  return rows.map((row) => {
    const d = row.details ?? {};
    const warnings: string[] = [];
    // With one command in flight throughput is 1 / latency, limited by nobody's capacity.
    const loaded = Number(d.window) > 1;
    if (loaded && Number(d.benchProcessCores) >= 0.9)
      warnings.push("bench process saturated: updates/s is the harness's limit, not the bot's");
    else if (loaded && Number(d.machineBusyPercent) >= 90)
      warnings.push("all cores busy: updates/s is the machine's limit");
    if (loaded && Number(d.botProcessCores) >= 0.9) warnings.push('bot process saturated: its own limit');
    // The bare bot uses neither Postgres nor Redis: CPU outside the two processes is someone else's work.
    if (row.key.startsWith('bare') && Number(d.otherCores) >= 0.3) warnings.push('other work on the machine');
    return (
      `${row.key}: cores used by bot ${d.botProcessCores}, bench process ${d.benchProcessCores}, ` +
      `other ${d.otherCores} (machine ${d.machineBusyPercent}% busy)${warnings.length ? ` — ${warnings.join('; ')}` : ''}`
    );
  });
}

async function run(): Promise<TBenchResult> {
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const server = await startTelegramServer({ port: 0, limits: false });
    cleanups.push(() => server.close());
    const client = new TelegramTestClient(server.url);
    const users = benchUsers(WORKLOAD.users);
    await registerTelegramUsers(client, users);

    let tracker: ReplyTracker | undefined;
    const stream = await openReplyStream(server.url, ({ token, message, at }) =>
      tracker?.onReply(token, message, at),
    );
    cleanups.push(async () => stream.close());
    const sender = commandSender(server.url, WORKLOAD.window);
    cleanups.push(async () => sender.close());
    const setup: TSetup = { client, users, send: sender.send, route: (t) => (tracker = t) };

    const [bare, bareSingle] = await measureBot(setup, bareBot(server.url));

    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const redis = await createTestRedis();
    cleanups.push(() => redis.cleanup());
    await seedAccounts(database.db, users);
    const [polygram, polygramSingle] = await measureBot(
      setup,
      polygramBot(server.url, {
        databaseUrl: database.url,
        redisUrl: TEST_REDIS_URL,
        redisPrefix: redis.prefix,
      }),
    );

    const rows = [bare, polygram, bareSingle, polygramSingle];
    return {
      name: 'bot-updates',
      title: 'bot updates (through local Bot API)',
      unit: 'updates',
      workload: {
        ...WORKLOAD,
        botApi: 'sandbox/telegram in the bench process, rate limits off',
        bots: 'each in its own process, long polling with @grammyjs/runner',
      },
      rows,
      comparisons: [
        { label: 'ratio (Polygram / bare)', numerator: 'polygram', denominator: 'bare' },
        { label: 'ratio (1 in flight)', numerator: 'polygram-single', denominator: 'bare-single' },
      ],
      notes: bottleneckNotes(rows),
    };
  } finally {
    // Reverse order: stream, sender, database and Redis before the server; every step runs even if one fails.
    for (const cleanup of cleanups.reverse())
      await cleanup().catch((error: unknown) => console.error('cleanup failed:', error));
  }
}

export const botUpdatesBench: TBenchModule = { name: 'bot-updates', run };
