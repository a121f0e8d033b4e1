import type { ReactNode } from 'react';
import { CoinsIcon, FilmIcon, SparkleIcon } from '../../components/icons.tsx';
import { NavTile } from '../../components/NavTile.tsx';
import { Page } from '../../components/Page.tsx';
import { useT } from '../../i18n.ts';
import { type TRoutePath, useRouter } from '../../router.tsx';
import { ChatIcon, GalleryIcon, ImageIcon, MusicIcon } from './studio-icons.tsx';
import './studio.css';

/** The AI studio: chat with models, make pictures, videos and music, see what you made and spent. */
export function StudioPage() {
  const t = useT();
  const { navigate } = useRouter();
  const tile = (path: TRoutePath, key: string, icon: ReactNode, testId: string) => (
    <NavTile
      icon={icon}
      title={t(`miniapp-studio-tile-${key}`)}
      hint={t(`miniapp-studio-tile-${key}-hint`)}
      onOpen={() => navigate(path)}
      testId={testId}
    />
  );
  return (
    <Page back title={t('miniapp-studio-title')}>
      <p className="page__subtitle">{t('miniapp-studio-subtitle')}</p>
      <nav aria-label={t('miniapp-studio-title')}>
        <ul className="tiles">
          {tile('/studio/chat', 'chat', <ChatIcon />, 'studio-chat')}
          {tile('/studio/image', 'image', <ImageIcon />, 'studio-image')}
          {tile('/studio/video', 'video', <FilmIcon />, 'studio-video')}
          {tile('/studio/audio', 'audio', <MusicIcon />, 'studio-audio')}
          {tile('/studio/gallery', 'gallery', <GalleryIcon />, 'studio-gallery')}
          {tile('/studio/usage', 'usage', <CoinsIcon />, 'studio-usage')}
          {/* Video tasks are their own section (pages/tasks/); the route type keeps this link honest. */}
          {tile('/tasks', 'tasks', <SparkleIcon />, 'studio-tasks')}
        </ul>
      </nav>
    </Page>
  );
}
