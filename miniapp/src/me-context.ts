import { createContext, useContext } from 'react';
import type { TLanguage, TMe } from '../../server/contracts/me.ts';
import type { TApiRequest } from './api/client.ts';

type TMeContext = {
  me: TMe['user'];
  /** Saves the language on the server; resolves once every string has switched. */
  changeLanguage: (language: TLanguage) => Promise<void>;
  /** The signed API client, for pages that load their own data. */
  request: TApiRequest;
};

export const MeContext = createContext<TMeContext | undefined>(undefined);

/** The signed-in user; only rendered below the point where /api/me has answered. */
export function useMe(): TMeContext {
  const value = useContext(MeContext);
  if (!value) throw new Error('useMe outside MeContext');
  return value;
}
