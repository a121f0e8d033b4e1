import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { createApiRequest } from './api/client.ts';
import { OpenFromTelegramScreen } from './components/OpenFromTelegramScreen.tsx';
import { I18nProvider, pickLanguage } from './i18n.ts';
import { initTelegram } from './init.ts';
import { isAdminLaunch } from './start-route.ts';
import './styles.css';

async function start(): Promise<void> {
  const rootElement = document.getElementById('root');
  if (!rootElement) throw new Error('#root missing from index.html');
  const root = createRoot(rootElement);

  const launch = await initTelegram();
  if (!launch) {
    // Nobody to sign in as; speak the browser's language since Telegram told us nothing.
    root.render(
      <I18nProvider language={pickLanguage(undefined, navigator.language)}>
        <OpenFromTelegramScreen />
      </I18nProvider>,
    );
    return;
  }

  const request = createApiRequest({ initDataRaw: launch.initDataRaw });
  if (isAdminLaunch()) {
    // Its own chunk: the users' app never downloads the admin screens.
    const { AdminApp } = await import('./pages/admin/AdminApp.tsx');
    root.render(
      <StrictMode>
        <AdminApp request={request} telegramLanguageCode={launch.languageCode} />
      </StrictMode>,
    );
    return;
  }
  root.render(
    <StrictMode>
      <App request={request} telegramLanguageCode={launch.languageCode} />
    </StrictMode>,
  );
}

start().catch((error: unknown) => console.error('Mini App failed to start', error));
