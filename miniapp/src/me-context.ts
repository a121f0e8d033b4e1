import { createContext, useContext } from 'react';
import type { TLanguage, TMe } from '../../server/contracts/me.ts';

type TMeContext = {
  me: TMe['user'];
  /** Saves the language on the server; resolves once every string has switched. */
  changeLanguage: (language: TLanguage) => Promise<void>;
};

export const MeContext = createContext<TMeContext | undefined>(undefined);

/** The signed-in user; only rendered below the point where /api/me has answered. */
export function useMe(): TMeContext {
  const value = useContext(MeContext);
  if (!value) throw new Error('useMe outside MeContext');
  return value;
}
