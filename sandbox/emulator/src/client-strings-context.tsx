import { createContext, createElement, Fragment, type ReactNode, useContext } from 'react';
import { CLIENT_STRINGS, type TClientStrings } from './client-strings.ts';

const ClientStringsContext = createContext<TClientStrings>(CLIENT_STRINGS.en);

/** The client's words for everything under it: the App passes the current user's language. */
export const ClientStringsProvider = ClientStringsContext.Provider;

export const useClientStrings = (): TClientStrings => useContext(ClientStringsContext);

/** A sentence of `TParts` as one fragment; its pieces have fixed places, so they need no keys. */
export function Parts({ parts }: { parts: readonly ReactNode[] }) {
  return createElement(Fragment, null, ...parts);
}
