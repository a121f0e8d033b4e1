import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import type { TAdminMe } from '../../../../server/contracts/admin-vpn.ts';
import { getAdminMe } from '../../api/admin.ts';
import { ApiError } from '../../api/api-error.ts';
import type { TApiRequest } from '../../api/client.ts';
import { CurrentRoute } from '../../CurrentRoute.tsx';
import { ErrorScreen } from '../../components/ErrorScreen.tsx';
import { LoadingScreen } from '../../components/LoadingScreen.tsx';
import { OpenFromTelegramScreen } from '../../components/OpenFromTelegramScreen.tsx';
import { I18nProvider, pickLanguage, useT } from '../../i18n.ts';
import { RouterProvider } from '../../router.tsx';
import { AdminContext } from './admin-context.ts';

type TState =
  | { status: 'loading' }
  | { status: 'ready'; admin: TAdminMe }
  | { status: 'failed'; error: unknown };

/** Signed in, but no staff role (or it was revoked): the server said 403. */
function NoAccessScreen() {
  const t = useT();
  return (
    <main className="page page--centered" data-testid="admin-no-access">
      <div className="state" role="alert">
        <h1 className="state__title">{t('miniapp-admin-no-access-title')}</h1>
        <p className="state__body">{t('miniapp-admin-no-access-body')}</p>
      </div>
    </main>
  );
}

/**
 * The app opened from the admin bot: loads the staff member from /api/admin/me instead of /api/me (the
 * user API refuses the admin bot's initData), then shows the admin screens of routes.ts.
 */
export function AdminApp({
  request,
  telegramLanguageCode,
}: {
  request: TApiRequest;
  telegramLanguageCode: string | undefined;
}) {
  const [state, setState] = useState<TState>({ status: 'loading' });
  const load = useCallback(() => {
    setState({ status: 'loading' });
    getAdminMe(request).then(
      (admin) => setState({ status: 'ready', admin }),
      (error: unknown) => setState({ status: 'failed', error }),
    );
  }, [request]);
  useEffect(load, [load]);

  const admin = state.status === 'ready' ? state.admin : undefined;
  const context = useMemo(() => (admin ? { admin, request } : undefined), [admin, request]);
  const language = pickLanguage(admin?.staff.language, telegramLanguageCode);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  let screen: ReactNode;
  if (state.status === 'loading') screen = <LoadingScreen />;
  else if (state.status === 'failed') {
    const error = state.error instanceof ApiError ? state.error : null;
    if (error?.isUnauthorized) screen = <OpenFromTelegramScreen />;
    else if (error?.status === 403) screen = <NoAccessScreen />;
    else screen = <ErrorScreen error={state.error} onRetry={load} />;
  } else if (context) {
    screen = (
      <AdminContext value={context}>
        <RouterProvider>
          <CurrentRoute />
        </RouterProvider>
      </AdminContext>
    );
  }
  return <I18nProvider language={language}>{screen}</I18nProvider>;
}
