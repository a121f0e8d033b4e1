import { emitEvent, mockTelegramEnv } from '@telegram-apps/sdk-react';
import { ZDevInitDataSchema } from '../../../server/contracts/me.ts';
import { isAdminLaunch } from '../start-route.ts';

// Telegram's light theme, so the dev page looks like the app inside the client.
const devThemeParams = {
  bg_color: '#ffffff',
  text_color: '#000000',
  hint_color: '#999999',
  link_color: '#2481cc',
  button_color: '#2481cc',
  button_text_color: '#ffffff',
  secondary_bg_color: '#efeff4',
  section_bg_color: '#ffffff',
  section_separator_color: '#e7e7e7',
  destructive_text_color: '#e53935',
  accent_text_color: '#2481cc',
  subtitle_text_color: '#999999',
  header_bg_color: '#ffffff',
} as const;

const zeroInsets = { top: 0, bottom: 0, left: 0, right: 0 };

/**
 * Dev only: asks the local API for initData signed with the bot token (the server exposes
 * /api/dev/init-data only in development), then imitates the Telegram client around it.
 * Pick the user with `?userId=<telegram id>` or VITE_DEV_USER_ID.
 */
export async function mockTelegramForDev(): Promise<void> {
  const userId =
    new URLSearchParams(window.location.search).get('userId') ?? import.meta.env.VITE_DEV_USER_ID;
  if (!userId) {
    console.warn('Dev outside Telegram: add ?userId=<telegram id> to the URL to sign in as that user.');
    return;
  }
  // `?mode=admin` (start-route.ts): initData as the admin bot signs it, or /api/admin/ refuses it.
  const bot = isAdminLaunch() ? '&bot=admin' : '';
  const response = await fetch(`/api/dev/init-data?userId=${encodeURIComponent(userId)}${bot}`);
  if (!response.ok) {
    console.warn(`GET /api/dev/init-data answered ${response.status}; is the API running on :3000?`);
    return;
  }
  const { initData } = ZDevInitDataSchema.parse(await response.json());

  mockTelegramEnv({
    launchParams: {
      tgWebAppData: initData,
      tgWebAppThemeParams: devThemeParams,
      tgWebAppVersion: '8.0',
      tgWebAppPlatform: 'tdesktop',
    },
    // Answer the requests a real client would, so mounting components does not wait forever.
    onEvent(event) {
      const [name] = event;
      if (name === 'web_app_request_theme') emitEvent('theme_changed', { theme_params: devThemeParams });
      if (name === 'web_app_request_safe_area') emitEvent('safe_area_changed', zeroInsets);
      if (name === 'web_app_request_content_safe_area') emitEvent('content_safe_area_changed', zeroInsets);
    },
  });
}
