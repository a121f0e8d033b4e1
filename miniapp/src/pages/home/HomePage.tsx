import { CartIcon, GiftIcon, PersonIcon, SparkleIcon, WalletIcon } from '../../components/icons.tsx';
import { NavTile } from '../../components/NavTile.tsx';
import { Page } from '../../components/Page.tsx';
import { useT } from '../../i18n.ts';
import { useMe } from '../../me-context.ts';
import { useRouter } from '../../router.tsx';
import { FilmIcon } from '../tasks/FilmIcon.tsx';
import { ShieldIcon } from '../vpn/ShieldIcon.tsx';

export function HomePage() {
  const t = useT();
  const { me } = useMe();
  const { navigate } = useRouter();

  return (
    <Page back={false} title={t('miniapp-home-greeting', { firstName: me.firstName })}>
      <p className="page__subtitle">{t('miniapp-home-subtitle')}</p>
      <nav aria-label={t('miniapp-home-sections')}>
        {/* Only sections that exist; later features add their tiles here. */}
        <ul className="tiles">
          <NavTile
            icon={<WalletIcon />}
            title={t('miniapp-home-wallet-tile')}
            hint={t('miniapp-home-wallet-tile-hint')}
            onOpen={() => navigate('/wallet')}
            testId="nav-wallet"
          />
          <NavTile
            icon={<CartIcon />}
            title={t('miniapp-home-buy-tile')}
            hint={t('miniapp-home-buy-tile-hint')}
            onOpen={() => navigate('/buy')}
            testId="nav-buy"
          />
          <NavTile
            icon={<SparkleIcon />}
            title={t('miniapp-home-studio-tile')}
            hint={t('miniapp-home-studio-tile-hint')}
            onOpen={() => navigate('/studio')}
            testId="nav-studio"
          />
          <NavTile
            icon={<FilmIcon />}
            title={t('miniapp-home-tasks-tile')}
            hint={t('miniapp-home-tasks-tile-hint')}
            onOpen={() => navigate('/tasks')}
            testId="nav-tasks"
          />
          <NavTile
            icon={<ShieldIcon />}
            title={t('miniapp-home-vpn-tile')}
            hint={t('miniapp-home-vpn-tile-hint')}
            onOpen={() => navigate('/vpn')}
            testId="nav-vpn"
          />
          <NavTile
            icon={<GiftIcon />}
            title={t('miniapp-home-referral-tile')}
            hint={t('miniapp-home-referral-tile-hint')}
            onOpen={() => navigate('/referral')}
            testId="nav-referral"
          />
          <NavTile
            icon={<PersonIcon />}
            title={t('miniapp-home-profile-tile')}
            hint={t('miniapp-home-profile-tile-hint')}
            onOpen={() => navigate('/profile')}
            testId="nav-profile"
          />
        </ul>
      </nav>
    </Page>
  );
}
