import { type ComponentType, lazy } from 'react';
import { HomePage } from './pages/home/HomePage.tsx';
import type { TRoutePath } from './router.tsx';

/**
 * Every page but home is its own chunk, fetched when first opened: a launch downloads and parses only what
 * the home screen needs (see `npm run bench -- miniapp` for the initial JS size).
 */
const page = <TName extends string>(
  load: () => Promise<Record<TName, ComponentType>>,
  name: TName,
): ComponentType => lazy<ComponentType>(() => load().then((module) => ({ default: module[name] })));

export type TRoute = {
  path: TRoutePath;
  component: ComponentType;
  /** Fluent key of the page title. */
  titleKey: string;
};

export const routes: readonly TRoute[] = [
  { path: '/', component: HomePage, titleKey: 'miniapp-home-title' },
  {
    path: '/profile',
    component: page(() => import('./pages/profile/ProfilePage.tsx'), 'ProfilePage'),
    titleKey: 'miniapp-profile-title',
  },
  {
    path: '/wallet',
    component: page(() => import('./pages/wallet/WalletPage.tsx'), 'WalletPage'),
    titleKey: 'miniapp-wallet-title',
  },
  {
    path: '/buy',
    component: page(() => import('./pages/buy/BuyPage.tsx'), 'BuyPage'),
    titleKey: 'miniapp-buy-title',
  },
  {
    path: '/referral',
    component: page(() => import('./pages/referral/ReferralPage.tsx'), 'ReferralPage'),
    titleKey: 'miniapp-referral-title',
  },
  {
    path: '/tasks',
    component: page(() => import('./pages/tasks/TasksPage.tsx'), 'TasksPage'),
    titleKey: 'miniapp-tasks-title',
  },
  {
    path: '/studio',
    component: page(() => import('./pages/studio/StudioPage.tsx'), 'StudioPage'),
    titleKey: 'miniapp-studio-title',
  },
  {
    path: '/studio/chat',
    component: page(() => import('./pages/studio/chat/ChatPage.tsx'), 'ChatPage'),
    titleKey: 'miniapp-studio-chat-title',
  },
  {
    path: '/studio/image',
    component: page(() => import('./pages/studio/generate/GeneratePage.tsx'), 'ImagePage'),
    titleKey: 'miniapp-studio-generate-image-title',
  },
  {
    path: '/studio/video',
    component: page(() => import('./pages/studio/generate/GeneratePage.tsx'), 'VideoPage'),
    titleKey: 'miniapp-studio-generate-video-title',
  },
  {
    path: '/studio/audio',
    component: page(() => import('./pages/studio/generate/GeneratePage.tsx'), 'AudioPage'),
    titleKey: 'miniapp-studio-generate-audio-title',
  },
  {
    path: '/studio/gallery',
    component: page(() => import('./pages/studio/gallery/GalleryPage.tsx'), 'GalleryPage'),
    titleKey: 'miniapp-studio-gallery-title',
  },
  {
    path: '/studio/usage',
    component: page(() => import('./pages/studio/usage/UsagePage.tsx'), 'UsagePage'),
    titleKey: 'miniapp-studio-usage-title',
  },
  {
    path: '/vpn',
    component: page(() => import('./pages/vpn/VpnPage.tsx'), 'VpnPage'),
    titleKey: 'miniapp-vpn-title',
  },
  {
    path: '/admin',
    component: page(() => import('./pages/admin/AdminHomePage.tsx'), 'AdminHomePage'),
    titleKey: 'miniapp-admin-home-title',
  },
  {
    path: '/admin/vpn/servers',
    component: page(() => import('./pages/admin/AdminServersPage.tsx'), 'AdminServersPage'),
    titleKey: 'miniapp-admin-servers-title',
  },
  {
    path: '/admin/vpn/stats',
    component: page(() => import('./pages/admin/AdminVpnStatsPage.tsx'), 'AdminVpnStatsPage'),
    titleKey: 'miniapp-admin-stats-title',
  },
];
