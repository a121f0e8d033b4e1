import { NavTile } from '../../components/NavTile.tsx';
import { Page } from '../../components/Page.tsx';
import { useT } from '../../i18n.ts';
import { useRouter } from '../../router.tsx';
import { ShieldIcon } from '../vpn/ShieldIcon.tsx';
import { useAdmin } from './admin-context.ts';

/** The admin home: a tile per screen the role opens. Services (GPU, trading) add their tiles here. */
export function AdminHomePage() {
  const t = useT();
  const { admin } = useAdmin();
  const { navigate } = useRouter();
  return (
    <Page back={false} title={t('miniapp-admin-home-greeting', { firstName: admin.staff.firstName })}>
      <p className="page__subtitle">{t('miniapp-admin-home-subtitle', { role: admin.staff.role })}</p>
      <nav aria-label={t('miniapp-admin-home-sections')}>
        <ul className="tiles">
          {admin.can.vpnServers ? (
            <NavTile
              icon={<ShieldIcon />}
              title={t('miniapp-admin-servers-tile')}
              hint={t('miniapp-admin-servers-tile-hint')}
              onOpen={() => navigate('/admin/vpn/servers')}
              testId="nav-admin-servers"
            />
          ) : null}
          {admin.can.vpnStats ? (
            <NavTile
              icon={<span className="admin-chart-icon">📈</span>}
              title={t('miniapp-admin-stats-tile')}
              hint={t('miniapp-admin-stats-tile-hint')}
              onOpen={() => navigate('/admin/vpn/stats')}
              testId="nav-admin-stats"
            />
          ) : null}
        </ul>
      </nav>
    </Page>
  );
}
