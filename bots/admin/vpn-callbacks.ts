import { createHash } from 'node:crypto';
import { z } from 'zod';
import { callbackCodec } from '#bots/shared/callback-data.ts';

const ZUserIdSchema = z
  .string()
  .regex(/^\d{1,20}$/)
  .transform(BigInt);

export const VPN_CARD_ACTIONS = [
  'open',
  'refresh',
  'add7',
  'add30',
  'custom',
  'reset',
  'disable_ask',
  'disable',
  'enable',
  'link_ask',
  'link',
  'devices',
] as const;
export type TVpnCardAction = (typeof VPN_CARD_ACTIONS)[number];

/** A button on the admin's VPN card of a user (and "🛡 VPN" on the user card, which opens it). */
export const vpnCardAction = callbackCodec(
  'vpnc',
  ['action', 'userId'],
  z.object({ action: z.enum(VPN_CARD_ACTIONS), userId: ZUserIdSchema }),
);

/**
 * "Remove" next to one device. A device id (HWID) is the app's own string and may not fit Telegram's 64 bytes,
 * so the button carries a short hash of it; the handler finds the device again in the panel's current list.
 */
export const vpnDeviceRemove = callbackCodec(
  'vpnd',
  ['userId', 'device'],
  z.object({ userId: ZUserIdSchema, device: z.string().regex(/^[0-9a-f]{12}$/) }),
);

export const deviceKey = (hwid: string): string =>
  createHash('sha256').update(hwid).digest('hex').slice(0, 12);

/** Cancel inside the "how many days" prompt. */
export const VPN_DAYS_CANCEL = 'v1:vpn-days-cancel';
