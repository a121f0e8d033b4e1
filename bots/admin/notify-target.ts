import type { BotDeps } from '#bots/shared/deps.ts';
import { enqueueNotification } from '#core/notify/enqueue-notification.ts';

/** Tells a user, through the user bot and the notify queue, about a decision an admin made on their account. */
export async function notifyTarget(
  deps: BotDeps,
  user: { id: bigint; language: 'ru' | 'en' },
  key: string,
  args: Record<string, string> = {},
): Promise<void> {
  await enqueueNotification(deps.notifyQueue, {
    bot: 'user',
    chatId: user.id.toString(),
    userId: user.id.toString(),
    text: deps.translator.t(user.language, key, args),
  });
}
