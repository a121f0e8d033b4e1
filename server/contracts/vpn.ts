import { z } from 'zod/mini';
import { ZCatalogSchema } from './catalog.ts';

// Shared by server/routes/miniapp/vpn.ts and the Mini App's VPN page (miniapp/src/api/vpn.ts). Bytes travel
// as decimal strings (a year of unlimited traffic passes 2^53), dates as ISO strings.

const ZBytesSchema = z.string().check(z.regex(/^\d{1,30}$/));

export const ZVpnPlatformSchema = z.enum(['ios', 'android', 'windows', 'macos', 'linux', 'tv']);
export type TVpnPlatform = z.infer<typeof ZVpnPlatformSchema>;

/** A product as the buy page's checkout takes it (id, shelf, title key, prices per configured provider). */
const ZCatalogProductSchema = ZCatalogSchema.shape.products._zod.def.element;

export const ZVpnRenewalSchema = z.object({
  /** new: starts now; renew: the days are added to the current expiry; change: another tier, converted. */
  kind: z.enum(['new', 'renew', 'change']),
  expiresAt: z.string(),
  /** A tier change: the days left of the old tier and what they are worth in the new one. */
  conversion: z.nullable(z.object({ fromTier: z.string(), daysLeft: z.number(), convertedDays: z.number() })),
});
export type TVpnRenewal = z.infer<typeof ZVpnRenewalSchema>;

export const ZVpnPlanSchema = z.extend(ZCatalogProductSchema, {
  tier: z.string(),
  days: z.number(),
  /** What buying it now would do to this user's subscription (the rule the payment applies). */
  renewal: ZVpnRenewalSchema,
});
export type TVpnPlan = z.infer<typeof ZVpnPlanSchema>;

export const ZVpnClientSchema = z.object({
  id: z.string(),
  name: z.string(),
  platforms: z.array(ZVpnPlatformSchema),
  downloadUrl: z.string(),
  /** Our https page that hands the link to the app (Telegram opens no custom schemes). */
  importUrl: z.string(),
});
export type TVpnClient = z.infer<typeof ZVpnClientSchema>;

export const ZVpnSubscriptionSchema = z.object({
  state: z.enum(['active', 'expired', 'disabled']),
  tier: z.string(),
  isTrial: z.boolean(),
  expiresAt: z.string(),
  daysLeft: z.number(),
  trafficUsedBytes: ZBytesSchema,
  /** "0" = unlimited. */
  trafficLimitBytes: ZBytesSchema,
  deviceLimit: z.number(),
  autoRenew: z.boolean(),
  autoRenewProduct: z.nullable(z.string()),
  /** False while the panel user is being made or updated: the link is not shown yet. */
  ready: z.boolean(),
});
export type TVpnSubscription = z.infer<typeof ZVpnSubscriptionSchema>;

export const ZVpnConnectSchema = z.object({
  subscriptionUrl: z.string(),
  /** The link as a QR code PNG (`data:image/png;base64,…`), scanned by an app on another device. */
  qrDataUrl: z.string(),
  clients: z.array(ZVpnClientSchema),
});
export type TVpnConnect = z.infer<typeof ZVpnConnectSchema>;

export const ZVpnSchema = z.object({
  /** No panel configured: the page says the VPN is not available and offers nothing. */
  available: z.boolean(),
  trialAvailable: z.boolean(),
  /** Null: the user never had a VPN. */
  subscription: z.nullable(ZVpnSubscriptionSchema),
  /** Present when the subscription is active and ready. */
  connect: z.nullable(ZVpnConnectSchema),
  plans: z.array(ZVpnPlanSchema),
  addons: z.array(ZCatalogProductSchema),
});
export type TVpn = z.infer<typeof ZVpnSchema>;

export const ZVpnAutoRenewRequestSchema = z.object({
  on: z.boolean(),
  productId: z.optional(z.string().check(z.regex(/^[a-z0-9-]{1,40}$/))),
});
export type TVpnAutoRenewRequest = z.infer<typeof ZVpnAutoRenewRequestSchema>;

export const ZVpnDevicesSchema = z.object({
  devices: z.array(
    z.object({
      hwid: z.string(),
      model: z.nullable(z.string()),
      platform: z.nullable(z.string()),
      addedAt: z.string(),
    }),
  ),
  /** Devices allowed: the plan's plus bought ones. */
  limit: z.number(),
});
export type TVpnDevices = z.infer<typeof ZVpnDevicesSchema>;
export type TVpnDevice = TVpnDevices['devices'][number];

/** A device id as the panel gives it (HWID header of the app): printable, bounded. */
export const ZHwidSchema = z.string().check(z.regex(/^[\x21-\x7e]{1,256}$/));

export const ZVpnServersSchema = z.object({
  servers: z.array(
    z.object({
      name: z.string(),
      countryCode: z.string(),
      /** 🇩🇪, or 🌐 for a node without a country. */
      flag: z.string(),
      online: z.boolean(),
    }),
  ),
});
export type TVpnServers = z.infer<typeof ZVpnServersSchema>;
