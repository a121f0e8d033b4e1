import type { TelegramTestClient } from '#sandbox/telegram/client.ts';
import type { TBenchUser } from './bench-users.ts';

const BATCH = 50;

/**
 * Independent of the live pairing in ReplyTracker: reads every chat back from the Bot API's own store and
 * requires the exact conversation a person would see, command, reply, command, reply … with nothing
 * dropped, doubled or out of order.
 */
export async function verifyChats(opts: {
  client: TelegramTestClient;
  token: string;
  users: readonly TBenchUser[];
  /** How many commands the user at this index sent. */
  commandsPerUser: (index: number) => number;
}): Promise<void> {
  const problems: string[] = [];
  for (let i = 0; i < opts.users.length; i += BATCH) {
    await Promise.all(
      opts.users.slice(i, i + BATCH).map(async (user, j) => {
        const messages = await opts.client.messages({ token: opts.token, chatId: user.id });
        const senders = messages.map((m) => (m.sender === 'user' ? 'u' : 'b')).join('');
        const expected = 'ub'.repeat(opts.commandsPerUser(i + j));
        if (senders !== expected) problems.push(`chat ${user.id}: expected ${expected}, got ${senders}`);
      }),
    );
  }
  if (problems.length > 0)
    throw new Error(
      `${problems.length} chats are not command/reply pairs:\n  ${problems.slice(0, 10).join('\n  ')}`,
    );
}
