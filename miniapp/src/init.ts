import {
  bindMiniAppCssVars,
  bindThemeParamsCssVars,
  bindViewportCssVars,
  initDataRaw,
  initDataUser,
  init as initSdk,
  isTMA,
  miniAppReady,
  mountBackButton,
  mountMiniAppSync,
  mountThemeParamsSync,
  mountViewport,
  restoreInitData,
  targetOrigin,
} from '@telegram-apps/sdk-react';

/** What the rest of the app needs from Telegram's launch: who is signing in, and how. */
export type TTelegramLaunch = {
  /** Signed query string sent as `Authorization: tma …`; the server verifies it. */
  initDataRaw: string;
  /** The Telegram client's language, used until the user's saved language is known. */
  languageCode: string | undefined;
};

/** Telegram's mobile and desktop clients inject a proxy; web clients host the app in an iframe. */
function isInsideTelegramClient(): boolean {
  return 'TelegramWebviewProxy' in window || window.self !== window.top;
}

/**
 * Telegram Web frames Mini Apps from https://web.telegram.org, where the SDK posts by default. The sandbox's
 * chat emulator frames them from a loopback origin: only such a parent gets the messages instead, so in
 * production nothing but a page on the user's own machine could ever receive them.
 */
function sandboxClientOrigin(): string | undefined {
  const parent = window.location.ancestorOrigins?.[0];
  return parent && /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(parent) ? parent : undefined;
}

/**
 * The only place that initializes and mounts SDK parts. Resolves to `undefined` outside
 * Telegram (no launch params, or no channel to talk to the client), where nobody can sign in.
 */
export async function initTelegram(): Promise<TTelegramLaunch | undefined> {
  if (import.meta.env.DEV && !isInsideTelegramClient()) {
    // Dynamic import inside a DEV-only branch: production bundles contain no mock code at all.
    const { mockTelegramForDev } = await import('./dev/mock-telegram.ts');
    await mockTelegramForDev();
  }
  if (!isTMA()) return undefined;

  try {
    const origin = sandboxClientOrigin();
    if (origin) targetOrigin.set(origin);
    initSdk();
    restoreInitData();
    if (mountThemeParamsSync.isAvailable()) mountThemeParamsSync();
    if (bindThemeParamsCssVars.isAvailable()) bindThemeParamsCssVars();
    if (mountMiniAppSync.isAvailable()) mountMiniAppSync();
    if (bindMiniAppCssVars.isAvailable()) bindMiniAppCssVars();
    if (mountBackButton.isAvailable()) mountBackButton();
    if (mountViewport.isAvailable()) {
      // Not awaited: on mobile clients the viewport answer can lag, and nothing on screen depends on it.
      mountViewport()
        .then(() => {
          if (bindViewportCssVars.isAvailable()) bindViewportCssVars();
        })
        .catch((error: unknown) => console.warn('viewport mount failed', error));
    }
    if (miniAppReady.isAvailable()) miniAppReady();
  } catch (error) {
    // Launch params without a Telegram client to post to (a copied link opened in a browser).
    console.warn('Telegram client not reachable', error);
    return undefined;
  }

  const raw = initDataRaw();
  if (!raw) return undefined;
  return { initDataRaw: raw, languageCode: initDataUser()?.language_code };
}
