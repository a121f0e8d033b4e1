import type { ConversationData, VersionedState } from '@grammyjs/conversations';
import type { Redis } from '#core/redis/create-redis.ts';

// A conversation abandoned for a week is dropped: the user starts over rather than resuming something stale.
const TTL_SECONDS = 7 * 24 * 3600;

/**
 * Conversation state in Redis, so a restart or another replica continues a user's signup where it stopped.
 * The state holds only JSON (updates and the results of `conversation.external`).
 */
export function redisConversationStorage(redis: Redis, prefix: string) {
  const key = (k: string) => `${prefix}:conv:${k}`;
  return {
    type: 'key' as const,
    adapter: {
      async read(k: string): Promise<VersionedState<ConversationData> | undefined> {
        const raw = await redis.get(key(k));
        return raw ? (JSON.parse(raw) as VersionedState<ConversationData>) : undefined;
      },
      async write(k: string, state: VersionedState<ConversationData>): Promise<void> {
        await redis.set(key(k), JSON.stringify(state), 'EX', TTL_SECONDS);
      },
      async delete(k: string): Promise<void> {
        await redis.del(key(k));
      },
    },
  };
}
