import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { startStack } from './start-route.ts';

/** Every screen the app has; `routes.ts` maps each to its component. */
export type TRoutePath =
  | '/'
  | '/profile'
  | '/wallet'
  | '/buy'
  | '/referral'
  | '/tasks'
  | '/studio'
  | '/studio/chat'
  | '/studio/image'
  | '/studio/video'
  | '/studio/audio'
  | '/studio/gallery'
  | '/studio/usage'
  | '/vpn'
  | '/admin'
  | '/admin/vpn/servers'
  | '/admin/vpn/stats';

type TRouter = {
  path: TRoutePath;
  canGoBack: boolean;
  navigate: (path: TRoutePath) => void;
  back: () => void;
};

const RouterContext = createContext<TRouter | undefined>(undefined);

/**
 * An in-memory stack, not the URL hash: Telegram delivers the signed launch params in the hash,
 * and navigation inside the app goes back through Telegram's BackButton, not the browser's.
 */
export function RouterProvider({ children }: { children: ReactNode }) {
  // A link from the bot can open the app on a deeper screen (start-route.ts); home stays below it.
  const [stack, setStack] = useState<readonly TRoutePath[]>(startStack);
  const navigate = useCallback((path: TRoutePath) => setStack((current) => [...current, path]), []);
  const back = useCallback(
    () => setStack((current) => (current.length > 1 ? current.slice(0, -1) : current)),
    [],
  );
  const value = useMemo<TRouter>(
    () => ({ path: stack[stack.length - 1] ?? '/', canGoBack: stack.length > 1, navigate, back }),
    [stack, navigate, back],
  );
  return <RouterContext value={value}>{children}</RouterContext>;
}

export function useRouter(): TRouter {
  const router = useContext(RouterContext);
  if (!router) throw new Error('useRouter outside RouterProvider');
  return router;
}
