/**
 * Our https page that sends the browser on to a VPN app's import link (`/vpn/import/<client>?s=<short id>`):
 * Telegram opens no custom schemes from buttons or openLink, so one-tap import goes through it. Absolute on
 * the public base when one is configured, relative (same origin as the Mini App) otherwise.
 */
export function vpnImportUrl(base: string | null | undefined, clientId: string, shortUuid: string): string {
  const path = `/vpn/import/${encodeURIComponent(clientId)}?s=${encodeURIComponent(shortUuid)}`;
  return base ? `${base.replace(/\/+$/, '')}${path}` : path;
}
