import { z } from 'zod/mini';
import { isTimeZone } from '#core/accounts/time-zone.ts';

// Shared by the Mini App API (server/routes/miniapp/me.ts) and the Mini App (miniapp/src/api/me.ts):
// one schema, so a field renamed on one side fails type-checking on the other. zod/mini keeps what the
// Mini App downloads small (the full zod would cost about 20 KB gzip more).

export const ZLanguageSchema = z.enum(['ru', 'en']);
export type TLanguage = z.infer<typeof ZLanguageSchema>;

/** What the device reports (`Intl.DateTimeFormat().resolvedOptions().timeZone`), checked against Intl. */
export const ZTimeZoneSchema = z.string().check(z.refine(isTimeZone, 'not a time zone'));

export const ZMeSchema = z.object({
  user: z.object({
    /** Telegram ids exceed 2^53 in theory; they travel as decimal strings. */
    id: z.string(),
    firstName: z.string(),
    lastName: z.nullable(z.string()),
    username: z.nullable(z.string()),
    language: ZLanguageSchema,
    /** The zone the Mini App last reported; null until it did. */
    timeZone: z.nullable(z.string()),
    email: z.nullable(z.string()),
    emailVerifiedAt: z.nullable(z.string()),
    status: z.enum(['active', 'banned']),
    role: z.nullable(z.string()),
    createdAt: z.string(),
    referralCode: z.string(),
  }),
});
export type TMe = z.infer<typeof ZMeSchema>;

/** PATCH /api/me: what changes; the Mini App sends the language when the user picks one, the zone on launch. */
export const ZUpdateMeSchema = z
  .object({ language: z.optional(ZLanguageSchema), timeZone: z.optional(ZTimeZoneSchema) })
  .check(z.refine((body) => body.language !== undefined || body.timeZone !== undefined, 'nothing to change'));
export type TUpdateMe = z.infer<typeof ZUpdateMeSchema>;

/**
 * Error body of every /api route: a stable code for programs, a localized message for people. USER_BANNED
 * also carries the ban's `reason` as staff wrote it, for the Mini App's ban screen.
 */
export const ZApiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), reason: z.optional(z.string()) }),
});
export type TApiError = z.infer<typeof ZApiErrorSchema>;

export const ZDevInitDataSchema = z.object({ initData: z.string() });
