import { z } from 'zod';
import { assertCan, type TStaff } from '#core/accounts/staff.ts';
import { recordAudit } from '#core/audit/record-audit.ts';
import type { Broadcast, PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { type TSegmentTarget, VPN_EXPIRING_MAX_DAYS } from './segment-users.ts';

// Telegram's limits: a message holds 4096 characters, a photo caption 1024, a button label is kept short.
export const BROADCAST_TEXT_MAX = 4096;
export const BROADCAST_CAPTION_MAX = 1024;
export const BROADCAST_BUTTON_TEXT_MAX = 64;

const ZButtonSchema = z.object({
  text: z.string().trim().min(1).max(BROADCAST_BUTTON_TEXT_MAX),
  // Telegram accepts http(s) and tg:// links on URL buttons; anything else is refused at send time.
  url: z.url({ protocol: /^(https?|tg)$/ }).max(2048),
});
export type TBroadcastButton = z.infer<typeof ZButtonSchema>;

/**
 * What users receive. `text` is Telegram HTML (the admin bot turns the admin's formatting into it); with a
 * photo it is the caption and may be empty. `photo` is a file_id of the *user* bot, which sends it.
 */
export const ZBroadcastContentSchema = z
  .object({
    text: z.string().max(BROADCAST_TEXT_MAX),
    photo: z.string().min(1).max(2048).optional(),
    button: ZButtonSchema.optional(),
  })
  .refine((c) => (c.photo ? c.text.length <= BROADCAST_CAPTION_MAX : c.text.trim().length > 0), {
    message: 'text too long or empty',
    path: ['text'],
  });
export type TBroadcastContent = z.infer<typeof ZBroadcastContentSchema>;

/** The admin types a button as `Label | https://link`; the last `|` splits, so a label may contain one. */
export function parseBroadcastButton(line: string): TBroadcastButton | null {
  const at = line.lastIndexOf('|');
  if (at < 0) return null;
  const parsed = ZButtonSchema.safeParse({ text: line.slice(0, at), url: line.slice(at + 1).trim() });
  return parsed.success ? parsed.data : null;
}

/** A draft: nothing is sent until startBroadcast. */
export async function createBroadcast(
  db: PrismaClient,
  opts: { staff: TStaff; content: TBroadcastContent; target: TSegmentTarget },
): Promise<Broadcast> {
  assertCan(opts.staff, 'broadcast.send');
  const content = ZBroadcastContentSchema.safeParse(opts.content);
  if (!content.success) throw new AppError('INVALID_INPUT', { field: 'content' });
  if (opts.target.segment === 'language' && !opts.target.language)
    throw new AppError('INVALID_INPUT', { field: 'language' });
  const days = opts.target.segment === 'vpn_expiring' ? (opts.target.days ?? 0) : null;
  if (days !== null && (!Number.isInteger(days) || days < 1 || days > VPN_EXPIRING_MAX_DAYS))
    throw new AppError('INVALID_INPUT', { field: 'days' });
  const { text, photo, button } = content.data;
  return db.$transaction(async (tx) => {
    const broadcast = await tx.broadcast.create({
      data: {
        createdById: opts.staff.id,
        text,
        photoFileId: photo ?? null,
        buttonText: button?.text ?? null,
        buttonUrl: button?.url ?? null,
        segment: opts.target.segment,
        language: opts.target.segment === 'language' ? opts.target.language : null,
        days,
      },
    });
    await recordAudit(tx, {
      actorId: opts.staff.id,
      action: 'broadcast.create',
      after: {
        broadcastId: broadcast.id.toString(),
        segment: broadcast.segment,
        language: broadcast.language,
        days: broadcast.days,
        photo: broadcast.photoFileId !== null,
        textLength: text.length,
      },
    });
    return broadcast;
  });
}
