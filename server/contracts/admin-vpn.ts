import { z } from 'zod/mini';
import { ZLanguageSchema } from './me.ts';

// Shared by the admin API (server/routes/admin/) and the Mini App's admin screens (miniapp/src/pages/admin/).
// Bytes and kopecks travel as decimal strings (past 2^53 they would lose digits as numbers).

const ZDecimalSchema = z.string().check(z.regex(/^\d{1,30}$/));

export const ZAdminMeSchema = z.object({
  staff: z.object({
    id: z.string(),
    firstName: z.string(),
    language: ZLanguageSchema,
    role: z.string(),
  }),
  /** The screens this role may open; the server checks again on every call. */
  can: z.object({ vpnServers: z.boolean(), vpnStats: z.boolean() }),
});
export type TAdminMe = z.infer<typeof ZAdminMeSchema>;

export const ZAdminVpnServersSchema = z.object({
  servers: z.array(
    z.object({
      uuid: z.string(),
      name: z.string(),
      countryCode: z.string(),
      flag: z.string(),
      online: z.boolean(),
      disabled: z.boolean(),
      usersOnline: z.number(),
      trafficUsedBytes: ZDecimalSchema,
    }),
  ),
});
export type TAdminVpnServers = z.infer<typeof ZAdminVpnServersSchema>;

export const ZAdminVpnStatsSchema = z.object({
  /** The window of newPaid / renewals and of the daily series, in days. */
  days: z.number(),
  active: z.object({ paid: z.number(), trial: z.number(), free: z.number() }),
  newPaid: z.number(),
  renewals: z.number(),
  trialUsers: z.number(),
  trialConverted: z.number(),
  conversionBp: z.number(),
  mrrKopecks: ZDecimalSchema,
  churnWindowDays: z.number(),
  churnBase: z.number(),
  churned: z.number(),
  churnBp: z.number(),
  daily: z.array(z.object({ day: z.string(), newPaid: z.number(), renewals: z.number() })),
});
export type TAdminVpnStats = z.infer<typeof ZAdminVpnStatsSchema>;
