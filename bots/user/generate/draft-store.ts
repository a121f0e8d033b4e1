import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Redis } from '#core/redis/create-redis.ts';

/**
 * What the user asked for between the command and the button press: a prompt (for the model picker) or a
 * photo (for the tools). Keyed by user as well as id, so a button pressed by someone else finds nothing.
 */
const ZDraftSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('prompt'), kind: z.enum(['image', 'video', 'audio']), prompt: z.string() }),
  z.object({
    type: z.literal('photo'),
    /** The Bot API's file id of the largest size Telegram kept. */
    fileId: z.string().min(1),
    mimeType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
    caption: z.string(),
  }),
]);
export type TDraft = z.infer<typeof ZDraftSchema>;

/** A picker left open longer than this asks for the command again. */
const DRAFT_TTL_SECONDS = 3_600;
/** How long "describe the new background" waits for the answer. */
const AWAIT_TTL_SECONDS = 600;

export function createDraftStore(redis: Redis, keyPrefix: string) {
  const key = (userId: bigint, id: string) => `${keyPrefix}:gen-draft:${userId}:${id}`;
  const awaitKey = (userId: bigint) => `${keyPrefix}:gen-await-bg:${userId}`;
  return {
    async save(userId: bigint, draft: TDraft): Promise<string> {
      const id = randomBytes(8).toString('base64url').slice(0, 10);
      await redis.set(key(userId, id), JSON.stringify(draft), 'EX', DRAFT_TTL_SECONDS);
      return id;
    },
    /** `consume`: the draft is used up (a second press of the same button finds nothing, starts nothing). */
    async load(userId: bigint, id: string, opts: { consume?: boolean } = {}): Promise<TDraft | null> {
      const raw = opts.consume ? await redis.getdel(key(userId, id)) : await redis.get(key(userId, id));
      if (!raw) return null;
      const parsed = ZDraftSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    },
    /** The photo tool waiting for its background prompt: one per user, the latest wins. */
    async awaitBackground(userId: bigint, id: string): Promise<void> {
      await redis.set(awaitKey(userId), id, 'EX', AWAIT_TTL_SECONDS);
    },
    /** The draft id the next text message answers, once. */
    takeAwaited: (userId: bigint): Promise<string | null> => redis.getdel(awaitKey(userId)),
  };
}
export type TDraftStore = ReturnType<typeof createDraftStore>;
