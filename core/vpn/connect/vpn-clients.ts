/**
 * The VPN apps we guide users to, with the import link each understands (../shared/reference/vpn-bots.md,
 * from the panel's own subscription-page defaults and the apps' URL-scheme docs). Telegram refuses inline
 * buttons with custom schemes, so the bot's buttons open our https page (/vpn/import/<client>), which sends
 * the browser on to the link built here.
 */
export type TVpnPlatform = 'ios' | 'android' | 'windows' | 'macos' | 'linux' | 'tv';

export interface TVpnClient {
  id: string;
  name: string;
  platforms: readonly TVpnPlatform[];
  /** The app's store or download page. */
  downloadUrl: string;
  importLink(subscriptionUrl: string, name: string): string;
}

const enc = encodeURIComponent;

export const VPN_CLIENTS: readonly TVpnClient[] = [
  {
    id: 'happ',
    name: 'Happ',
    platforms: ['ios', 'android', 'windows', 'macos', 'tv'],
    downloadUrl: 'https://www.happ.su/main',
    importLink: (url) => `happ://add/${url}`,
  },
  {
    id: 'v2rayng',
    name: 'v2rayNG',
    platforms: ['android'],
    downloadUrl: 'https://github.com/2dust/v2rayNG/releases/latest',
    importLink: (url, name) => `v2rayng://install-config?name=${enc(name)}&url=${enc(url)}`,
  },
  {
    id: 'hiddify',
    name: 'Hiddify',
    platforms: ['ios', 'android', 'windows', 'macos', 'linux'],
    downloadUrl: 'https://github.com/hiddify/hiddify-app/releases/latest',
    importLink: (url, name) => `hiddify://import/${url}#${enc(name)}`,
  },
  {
    id: 'streisand',
    name: 'Streisand',
    platforms: ['ios', 'macos'],
    downloadUrl: 'https://apps.apple.com/app/id6450534064',
    importLink: (url, name) => `streisand://import/${url}#${enc(name)}`,
  },
  {
    id: 'shadowrocket',
    name: 'Shadowrocket',
    platforms: ['ios'],
    downloadUrl: 'https://apps.apple.com/app/id932747118',
    importLink: (url, name) => `shadowrocket://add/${url}#${enc(name)}`,
  },
  {
    id: 'clash',
    name: 'Clash Verge / Mihomo',
    platforms: ['windows', 'macos', 'linux'],
    downloadUrl: 'https://github.com/clash-verge-rev/clash-verge-rev/releases/latest',
    importLink: (url, name) => `clash://install-config?url=${enc(url)}&name=${enc(name)}`,
  },
  {
    id: 'singbox',
    name: 'sing-box',
    platforms: ['ios', 'android', 'macos'],
    downloadUrl: 'https://sing-box.sagernet.org/clients/',
    importLink: (url, name) => `sing-box://import-remote-profile?url=${enc(url)}#${enc(name)}`,
  },
  {
    id: 'karing',
    name: 'Karing',
    platforms: ['ios', 'android', 'windows', 'macos'],
    downloadUrl: 'https://karing.app/en/download',
    importLink: (url, name) => `karing://install-config?url=${enc(url)}&name=${enc(name)}`,
  },
  {
    id: 'v2raytun',
    name: 'v2RayTun',
    platforms: ['ios', 'android', 'windows'],
    downloadUrl: 'https://v2raytun.com',
    importLink: (url) => `v2raytun://import/${url}`,
  },
];

export const findVpnClient = (id: string): TVpnClient | undefined => VPN_CLIENTS.find((c) => c.id === id);
