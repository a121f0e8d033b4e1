import type { ComponentType } from 'react';
import { HomePage } from './pages/home/HomePage.tsx';
import { ProfilePage } from './pages/profile/ProfilePage.tsx';
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
];
