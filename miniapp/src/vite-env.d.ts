/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Dev only: Telegram id to sign in as when the app runs outside Telegram. */
  readonly VITE_DEV_USER_ID?: string;
}
