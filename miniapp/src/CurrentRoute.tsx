import { Suspense, useEffect } from 'react';
import { LoadingScreen } from './components/LoadingScreen.tsx';
import { useT } from './i18n.ts';
import { useRouter } from './router.tsx';
import { routes } from './routes.ts';

export function CurrentRoute() {
  const t = useT();
  const { path } = useRouter();
  const route = routes.find((candidate) => candidate.path === path) ?? routes[0];
  const title = route ? t(route.titleKey) : '';

  useEffect(() => {
    document.title = title;
  }, [title]);

  if (!route) return null;
  const Component = route.component;
  return (
    <Suspense fallback={<LoadingScreen />}>
      <Component />
    </Suspense>
  );
}
