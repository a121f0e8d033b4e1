import { z } from 'zod';
import { callbackCodec } from '#bots/shared/callback-data.ts';

/** The VPN screens' buttons (bots/user/features/vpn.ts). Plans and add-ons go through the shop's own. */
export const VPN_STATUS = 'v1:vpn';
export const VPN_CONFIG = 'v1:vpn-cfg';
// Back to the platform picker under the link (an edit; VPN_CONFIG sends the link and the QR code anew).
export const VPN_PLATFORMS = 'v1:vpn-apps';
export const VPN_TRIAL = 'v1:vpn-trial';
export const VPN_DEVICES = 'v1:vpn-dev';
export const VPN_REVOKE_ASK = 'v1:vpn-rvk';
export const VPN_REVOKE_DO = 'v1:vpn-rvk-yes';

export const vpnAutoRenew = callbackCodec('vpn-ar', ['on'], z.object({ on: z.enum(['0', '1']) }));

export const vpnPlatform = callbackCodec(
  'vpn-os',
  ['os'],
  z.object({ os: z.enum(['ios', 'android', 'windows', 'macos', 'linux', 'tv']) }),
);

/**
 * A device by a short hash of its HWID: HWIDs are app-chosen strings of any length, and callback data has
 * 64 bytes. The handler finds the device whose hash matches in a fresh list.
 */
export const vpnDeviceRemove = callbackCodec(
  'vpn-devrm',
  ['h'],
  z.object({ h: z.string().regex(/^[0-9a-f]{12}$/) }),
);
