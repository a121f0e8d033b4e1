import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import type { TLanguage, TMe } from '../../server/contracts/me.ts';
import { ApiError } from './api/api-error.ts';
import type { TApiRequest } from './api/client.ts';
import { getMe, reportTimeZone, updateMyLanguage } from './api/me.ts';
import { CurrentRoute } from './CurrentRoute.tsx';
import { BannedScreen } from './components/BannedScreen.tsx';
import { ErrorScreen } from './components/ErrorScreen.tsx';
import { LoadingScreen } from './components/LoadingScreen.tsx';
import { OpenFromTelegramScreen } from './components/OpenFromTelegramScreen.tsx';
import { I18nProvider, pickLanguage } from './i18n.ts';
import { MeContext } from './me-context.ts';
import { RouterProvider } from './router.tsx';

type TMeState =
  | { status: 'loading' }
  | { status: 'ready'; me: TMe['user'] }
  | { status: 'failed'; error: unknown };

type TAppProps = {
  request: TApiRequest;
  /** Telegram client language, shown until the saved language arrives. */
  telegramLanguageCode: string | undefined;
};

/** Loads the signed-in user once, then hands the screens the user and the language to speak. */
export function App({ request, telegramLanguageCode }: TAppProps) {
  const [state, setState] = useState<TMeState>({ status: 'loading' });

  const load = useCallback(() => {
    setState({ status: 'loading' });
    getMe(request).then(
      ({ user }) => {
        setState({ status: 'ready', me: user });
        // Nothing on screen waits for it: the zone only changes how the bot writes times.
        reportTimeZone(request, user).catch((error: unknown) => console.warn('time zone not saved', error));
      },
      (error: unknown) => setState({ status: 'failed', error }),
    );
  }, [request]);

  useEffect(load, [load]);

  const changeLanguage = useCallback(
    async (language: TLanguage) => {
      const { user } = await updateMyLanguage(request, language);
      setState({ status: 'ready', me: user });
    },
    [request],
  );

  const me = state.status === 'ready' ? state.me : undefined;
  const meContext = useMemo(
    () => (me ? { me, changeLanguage, request } : undefined),
    [me, changeLanguage, request],
  );
  const language = pickLanguage(me?.language, telegramLanguageCode);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  let screen: ReactNode;
  if (state.status === 'loading') screen = <LoadingScreen />;
  else if (state.status === 'failed') {
    const error = state.error instanceof ApiError ? state.error : null;
    if (error?.isUnauthorized) screen = <OpenFromTelegramScreen />;
    else if (error?.isBanned) screen = <BannedScreen reason={error.reason ?? ''} />;
    else screen = <ErrorScreen error={state.error} onRetry={load} />;
  } else if (meContext) {
    screen = (
      <MeContext value={meContext}>
        <RouterProvider>
          <CurrentRoute />
        </RouterProvider>
      </MeContext>
    );
  }

  return <I18nProvider language={language}>{screen}</I18nProvider>;
}
