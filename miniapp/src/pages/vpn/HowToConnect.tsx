import { useState } from 'react';
import type { TVpnClient, TVpnPlatform } from '../../../../server/contracts/vpn.ts';
import { useT } from '../../i18n.ts';
import { FilterChips } from '../wallet/FilterChips.tsx';
import { detectPlatform } from './detect-platform.ts';
import { openExternal } from './open-external.ts';

const PLATFORMS: readonly TVpnPlatform[] = ['ios', 'android', 'windows', 'macos', 'linux', 'tv'];

/** Platform tabs (the user's own device first chosen) and that platform's apps: install, then import in one tap. */
export function HowToConnect({ clients }: { clients: readonly TVpnClient[] }) {
  const t = useT();
  // The user's own device first: on a phone's narrow row of chips the others may scroll out of view.
  const [order] = useState(() => {
    const own = detectPlatform();
    return [own, ...PLATFORMS.filter((p) => p !== own)];
  });
  const [platform, setPlatform] = useState<TVpnPlatform>(() => order[0] ?? 'android');
  const shown = clients.filter((c) => c.platforms.includes(platform));

  return (
    <section className="card" aria-labelledby="vpn-connect-title" data-testid="vpn-connect">
      <h2 className="section__title" id="vpn-connect-title">
        {t('miniapp-vpn-connect-title')}
      </h2>
      <FilterChips
        legend={t('miniapp-vpn-platform-legend')}
        options={order.map((p) => ({ value: p, label: t('miniapp-vpn-platform', { platform: p }) }))}
        value={platform}
        onChange={(value) => value && setPlatform(value)}
        testId="vpn-platform"
      />
      <p className="muted">{t('miniapp-vpn-connect-steps')}</p>
      <ul className="list">
        {shown.map((client) => (
          <li key={client.id} className="list__row vpn-app" data-testid={`vpn-app-${client.id}`}>
            <span className="list__title">{client.name}</span>
            <span className="vpn-app__actions">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => openExternal(client.downloadUrl)}
                data-testid={`vpn-install-${client.id}`}
              >
                {t('miniapp-vpn-install')}
              </button>
              <button
                type="button"
                className="button"
                onClick={() => openExternal(client.importUrl)}
                data-testid={`vpn-import-${client.id}`}
              >
                {t('miniapp-vpn-import')}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
