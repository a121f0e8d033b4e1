import { getAdminVpnServers } from '../../api/admin.ts';
import { CardSkeleton } from '../../components/CardSkeleton.tsx';
import { InlineError } from '../../components/InlineError.tsx';
import { Page } from '../../components/Page.tsx';
import { useLanguage, useT } from '../../i18n.ts';
import { formatTraffic } from '../vpn/format-traffic.ts';
import { useAdminLoad } from './use-admin-load.ts';
import './admin.css';

/** "Germany" for "DE" in the reader's language; the code itself when unknown ("XX") or unsupported. */
function countryName(code: string, language: string): string {
  if (!/^[A-Z]{2}$/.test(code) || code === 'XX') return '—';
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The panel's nodes as they are now: status, users online, traffic, country (GET /api/admin/vpn/servers). */
export function AdminServersPage() {
  const t = useT();
  const language = useLanguage();
  const servers = useAdminLoad(getAdminVpnServers);
  return (
    <Page back title={t('miniapp-admin-servers-title')}>
      {servers.status === 'loading' ? <CardSkeleton lines={3} /> : null}
      {servers.status === 'failed' ? (
        <InlineError error={servers.error} onRetry={servers.reload} testId="admin-servers-error" />
      ) : null}
      {servers.status === 'ready' ? (
        <section className="card admin-table-card" data-testid="admin-servers">
          {servers.data.servers.length === 0 ? (
            <p>{t('miniapp-admin-servers-none')}</p>
          ) : (
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">{t('miniapp-admin-servers-name')}</th>
                  <th scope="col">{t('miniapp-admin-servers-status')}</th>
                  <th scope="col" className="admin-table__num">
                    {t('miniapp-admin-servers-users')}
                  </th>
                  <th scope="col" className="admin-table__num">
                    {t('miniapp-admin-servers-traffic')}
                  </th>
                  <th scope="col">{t('miniapp-admin-servers-country')}</th>
                </tr>
              </thead>
              <tbody>
                {servers.data.servers.map((s) => (
                  <tr key={s.uuid} data-testid="admin-server">
                    <td>
                      <span aria-hidden="true">{s.flag}</span> {s.name}
                    </td>
                    <td>
                      <span
                        className={s.online ? 'badge badge--ok' : 'badge'}
                        data-testid="admin-server-status"
                      >
                        {t(
                          s.disabled
                            ? 'miniapp-admin-server-disabled'
                            : s.online
                              ? 'miniapp-admin-server-online'
                              : 'miniapp-admin-server-offline',
                        )}
                      </span>
                    </td>
                    <td className="admin-table__num">{s.usersOnline}</td>
                    <td className="admin-table__num">{formatTraffic(s.trafficUsedBytes, language)}</td>
                    <td>{countryName(s.countryCode, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
    </Page>
  );
}
