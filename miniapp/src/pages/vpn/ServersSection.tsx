import { useLoad } from '../../api/use-load.ts';
import { getVpnServers } from '../../api/vpn.ts';
import { CardSkeleton } from '../../components/CardSkeleton.tsx';
import { InlineError } from '../../components/InlineError.tsx';
import { useT } from '../../i18n.ts';

/** Where the servers are and whether each is up (the panel's nodes, read at most once a minute). */
export function ServersSection() {
  const t = useT();
  const servers = useLoad(getVpnServers);
  if (servers.status === 'loading') return <CardSkeleton lines={2} />;
  if (servers.status === 'failed')
    return <InlineError error={servers.error} onRetry={servers.reload} testId="vpn-servers-error" />;
  return (
    <section className="card" aria-labelledby="vpn-servers-title" data-testid="vpn-servers">
      <h2 className="section__title" id="vpn-servers-title">
        {t('miniapp-vpn-servers-title')}
      </h2>
      <ul className="list">
        {servers.data.servers.map((server) => (
          <li key={server.name} className="list__row" data-testid="vpn-server">
            <span className="list__title">
              <span aria-hidden="true">{server.flag}</span> {server.name}
            </span>
            <span className={server.online ? 'badge badge--ok' : 'badge'}>
              {server.online ? t('miniapp-vpn-server-online') : t('miniapp-vpn-server-offline')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
