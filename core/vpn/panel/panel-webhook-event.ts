import { EVENTS } from '@remnawave/backend-contract';
import { z } from 'zod';

/**
 * The expiry reminders of panels 2.0–2.7, removed in 2.8 for one `user.expiration` event whose
 * `meta.expiration` is signed hours from expiry (−72 = expires in 72 h, +24 = expired 24 h ago).
 * Both reach us as that one event.
 */
const LEGACY_EXPIRATION_HOURS: Readonly<Record<string, number>> = {
  'user.expires_in_72_hours': -72,
  'user.expires_in_48_hours': -48,
  'user.expires_in_24_hours': -24,
  'user.expired_24_hours_ago': 24,
};

const USER_EVENTS = Object.values(EVENTS.USER);
export type TPanelUserEventName = (typeof EVENTS.USER)[keyof typeof EVENTS.USER];

const ZIsoDateSchema = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

/**
 * The user as a webhook carries it, read for what the VPN service acts on. Looser than the contract's
 * ExtendedUsersSchema on purpose: 3.x sends `id`, 2.x sent `uuid`, and a reminder must not be lost to a
 * field we do not use.
 */
const ZWebhookUserSchema = z.object({
  id: z.number().int().optional(),
  uuid: z.string().optional(),
  username: z.string().min(1),
  shortUuid: z.string().optional(),
  status: z.enum(['ACTIVE', 'DISABLED', 'LIMITED', 'EXPIRED']),
  telegramId: z.number().int().nullable().optional(),
  expireAt: ZIsoDateSchema,
  trafficLimitBytes: z.number().optional(),
  userTraffic: z.object({ usedTrafficBytes: z.number() }).optional(),
});
export type TPanelWebhookUser = z.infer<typeof ZWebhookUserSchema>;

const ZWebhookNodeSchema = z.object({
  uuid: z.string(),
  name: z.string(),
  countryCode: z.string(),
  isConnected: z.boolean(),
  isDisabled: z.boolean(),
});

const ZEnvelopeSchema = z.object({
  /** Since panel 2.5; older payloads are scoped by the event's prefix. */
  scope: z.string().optional(),
  event: z.string().min(1),
  timestamp: ZIsoDateSchema,
  data: z.unknown(),
  meta: z
    .object({
      notConnectedAfterHours: z.number().nullish(),
      expiration: z.number().nullish(),
    })
    .nullish(),
});

export type TPanelWebhookEvent =
  | {
      kind: 'user';
      event: TPanelUserEventName;
      /** The name the panel sent (a pre-2.8 reminder name for some `user.expiration` events). */
      sentAs: string;
      timestamp: Date;
      user: TPanelWebhookUser;
      /** On `user.expiration`: signed hours from expiry, −72 = expires in 72 h, +24 = expired 24 h ago. */
      hoursFromExpiry?: number;
      /** On `user.not_connected`. */
      notConnectedAfterHours?: number;
    }
  | {
      kind: 'user_hwid_devices';
      event: string;
      timestamp: Date;
      user: TPanelWebhookUser;
      hwid: string;
    }
  | { kind: 'node'; event: string; timestamp: Date; node: z.infer<typeof ZWebhookNodeSchema> }
  /** Scopes the VPN service does not act on (service, errors, crm, torrent_blocker) or events it does not know. */
  | { kind: 'other'; scope: string; event: string; timestamp: Date };

const isUserEvent = (name: string): name is TPanelUserEventName =>
  (USER_EVENTS as readonly string[]).includes(name);

/** The typed event, or null when the payload is not one the panel sends. */
export function parsePanelWebhookEvent(payload: unknown): TPanelWebhookEvent | null {
  const envelope = ZEnvelopeSchema.safeParse(payload);
  if (!envelope.success) return null;
  const { event, timestamp, data, meta } = envelope.data;
  const scope = envelope.data.scope ?? event.slice(0, Math.max(0, event.indexOf('.')));

  if (scope === 'user') {
    const legacyHours = LEGACY_EXPIRATION_HOURS[event];
    const name = legacyHours === undefined ? event : 'user.expiration';
    if (!isUserEvent(name)) return { kind: 'other', scope, event, timestamp };
    const user = ZWebhookUserSchema.safeParse(data);
    if (!user.success) return null;
    const hoursFromExpiry = legacyHours ?? meta?.expiration ?? undefined;
    if (name === 'user.expiration' && hoursFromExpiry === undefined) return null;
    return {
      kind: 'user',
      event: name,
      sentAs: event,
      timestamp,
      user: user.data,
      ...(name === 'user.expiration' ? { hoursFromExpiry } : {}),
      ...(meta?.notConnectedAfterHours != null
        ? { notConnectedAfterHours: meta.notConnectedAfterHours }
        : {}),
    };
  }
  if (scope === 'user_hwid_devices') {
    const body = z
      .object({ user: ZWebhookUserSchema, hwidUserDevice: z.object({ hwid: z.string() }) })
      .safeParse(data);
    if (!body.success) return null;
    return {
      kind: 'user_hwid_devices',
      event,
      timestamp,
      user: body.data.user,
      hwid: body.data.hwidUserDevice.hwid,
    };
  }
  if (scope === 'node') {
    const node = ZWebhookNodeSchema.safeParse(data);
    if (!node.success) return null;
    return { kind: 'node', event, timestamp, node: node.data };
  }
  return { kind: 'other', scope, event, timestamp };
}
