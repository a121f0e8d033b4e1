import { z } from 'zod';
import { callbackCodec } from '#bots/shared/callback-data.ts';

const ZDraftIdSchema = z.string().regex(/^[A-Za-z0-9_-]{10}$/);
const ZModelIdSchema = z.string().regex(/^[a-z0-9.-]{1,24}$/);

/** A model picked for the draft (its prompt waits in Redis: a prompt does not fit in 64 bytes). */
export const pickModel = callbackCodec(
  'genm',
  ['draft', 'model'],
  z.object({ draft: ZDraftIdSchema, model: ZModelIdSchema }),
);

/** Drops the draft of a price step (/music, /tts) without starting anything. */
export const cancelDraft = callbackCodec('genx', ['draft'], z.object({ draft: ZDraftIdSchema }));

/** Video options; the frame is `w` (16:9) or `t` (9:16) because a colon would break the data's fields. */
export const VIDEO_FRAMES = { w: '16:9', t: '9:16' } as const;
export const pickVideo = callbackCodec(
  'genv',
  ['draft', 'model', 'seconds', 'frame'],
  z.object({
    draft: ZDraftIdSchema,
    model: ZModelIdSchema,
    seconds: z.coerce.number().int().min(1).max(60),
    frame: z.enum(['w', 't']),
  }),
);

/** A photo tool for the photo of the draft. */
export const pickTool = callbackCodec(
  'genp',
  ['draft', 'model'],
  z.object({ draft: ZDraftIdSchema, model: ZModelIdSchema }),
);
