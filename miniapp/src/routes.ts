import type { ComponentType } from 'react';
import { BuyPage } from './pages/buy/BuyPage.tsx';
import { HomePage } from './pages/home/HomePage.tsx';
import { ProfilePage } from './pages/profile/ProfilePage.tsx';
import { ReferralPage } from './pages/referral/ReferralPage.tsx';
import { ChatPage } from './pages/studio/chat/ChatPage.tsx';
import { GalleryPage } from './pages/studio/gallery/GalleryPage.tsx';
import { AudioPage, ImagePage, VideoPage } from './pages/studio/generate/GeneratePage.tsx';
import { StudioPage } from './pages/studio/StudioPage.tsx';
import { UsagePage } from './pages/studio/usage/UsagePage.tsx';
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
  { path: '/studio', component: StudioPage, titleKey: 'miniapp-studio-title' },
  { path: '/studio/chat', component: ChatPage, titleKey: 'miniapp-studio-chat-title' },
  { path: '/studio/image', component: ImagePage, titleKey: 'miniapp-studio-generate-image-title' },
  { path: '/studio/video', component: VideoPage, titleKey: 'miniapp-studio-generate-video-title' },
  { path: '/studio/audio', component: AudioPage, titleKey: 'miniapp-studio-generate-audio-title' },
  { path: '/studio/gallery', component: GalleryPage, titleKey: 'miniapp-studio-gallery-title' },
  { path: '/studio/usage', component: UsagePage, titleKey: 'miniapp-studio-usage-title' },
];
