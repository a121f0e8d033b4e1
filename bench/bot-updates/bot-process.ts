/**
 * The bot under test, alone in its own process. In production a bot shares its event loop with nothing
 * but itself; here the local Bot API and the load generator would otherwise take turns on the same event
 * loop and blur the comparison. Driven by the bench over Node IPC (bot-child-protocol.ts).
 */
import { run } from '@grammyjs/runner';
import type { Bot, Context } from 'grammy';
import { createBareBot } from './bare-bot.ts';
import type { TBotStart, TChildMessage, TParentMessage } from './bot-child-protocol.ts';
import { createPolygramBot } from './polygram-bot.ts';

const send = (message: TChildMessage) => process.send?.(message);

/** Long polling through @grammyjs/runner, as bots/main.ts runs the bots; resolves once getMe is done. */
async function poll<C extends Context>(bot: Bot<C>, close: () => Promise<void>) {
  // getMe before "ready", so the first update does not pay for it.
  await bot.init();
  const runner = run(bot);
  return async () => {
    if (runner.isRunning()) await runner.stop();
    await close();
  };
}

function start(options: TBotStart) {
  if (options.kind === 'bare') return poll(createBareBot(options.token, options.apiRoot), async () => {});
  const { bot, close } = createPolygramBot(options);
  return poll(bot, close);
}

let stopBot: (() => Promise<void>) | undefined;
let stopping: Promise<void> | undefined;
const stop = () => {
  stopping ??= (async () => {
    await stopBot?.();
  })();
  return stopping;
};

const fail = (error: unknown) => {
  send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
  void stop().finally(() => process.disconnect());
};

process.on('message', (message: TParentMessage) => {
  const handle = async () => {
    if (message.type === 'start') {
      stopBot = await start(message.start);
      send({ type: 'ready' });
    } else if (message.type === 'cpu') {
      const usage = process.cpuUsage();
      send({ type: 'cpu', micros: usage.user + usage.system });
    } else if (message.type === 'stop') {
      await stop();
      process.disconnect();
    }
  };
  handle().catch(fail);
});

// The bench went away without asking us to stop (it crashed or was killed): stop on our own.
process.on('disconnect', () => {
  // Exits by itself once the runner and the connections are closed; the timer only fires if something hangs.
  void stop().finally(() => setTimeout(() => process.exit(), 2_000).unref());
});
