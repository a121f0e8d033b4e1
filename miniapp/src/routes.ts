import type { ComponentType } from 'react';
import { BuyPage } from './pages/buy/BuyPage.tsx';
import { HomePage } from './pages/home/HomePage.tsx';
import { ProfilePage } from './pages/profile/ProfilePage.tsx';
import { ReferralPage } from './pages/referral/ReferralPage.tsx';
import { TasksPage } from './pages/tasks/TasksPage.tsx';
import { WalletPage } from './pages/wallet/WalletPage.tsx';
import type { TRoutePath } from './router.tsx';

export type TRoute = {
  path: TRoutePath;
  component: ComponentType;
  /** Fluent key of the page title. */
  titleKey: string;
};

export const routes: readonly TRoute[] = [
  { path: '/', component: HomePage, titleKey: 'miniapp-home-title' },
  { path: '/profile', component: ProfilePage, titleKey: 'miniapp-profile-title' },
  { path: '/wallet', component: WalletPage, titleKey: 'miniapp-wallet-title' },
  { path: '/buy', component: BuyPage, titleKey: 'miniapp-buy-title' },
  { path: '/referral', component: ReferralPage, titleKey: 'miniapp-referral-title' },
  { path: '/tasks', component: TasksPage, titleKey: 'miniapp-tasks-title' },
];
