import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { z } from 'zod';

const screenshotsDir = fileURLToPath(new URL('../../test-artifacts/screenshots/', import.meta.url));

/** Chromium from apt (never `npx playwright install`); CHROMIUM_PATH points elsewhere when needed. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Writes `test-artifacts/screenshots/<name>.png` and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(screenshotsDir, { recursive: true });
  const path = `${screenshotsDir}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

// Runs in the page before any app script. Telegram's mobile and desktop clients inject
// `TelegramWebviewProxy.postEvent` and answer through `Telegram.WebView.receiveEvent`;
// this stand-in records every call and answers the requests the SDK waits on when mounting.
const telegramClientScript = `(() => {
  const events = [];
  const insets = { top: 0, bottom: 0, left: 0, right: 0 };
  const reply = (name, data) => setTimeout(() => window.Telegram.WebView.receiveEvent(name, data), 0);
  window.__telegramEvents = events;
  window.TelegramWebviewProxy = {
    postEvent(name, data) {
      events.push({ name, data: data === undefined ? null : JSON.parse(data) });
      if (name === 'web_app_request_safe_area') reply('safe_area_changed', insets);
      if (name === 'web_app_request_content_safe_area') reply('content_safe_area_changed', insets);
      if (name === 'web_app_open_invoice') {
        // Like Telegram's payment sheet: the test decides the outcome, then the sheet closes with it.
        const { slug } = JSON.parse(data);
        const pay = window.__telegramPayInvoice ?? (async () => 'cancelled');
        pay(slug).then(
          (status) => reply('invoice_closed', { slug, status }),
          () => reply('invoice_closed', { slug, status: 'failed' }),
        );
      }
      if (name === 'web_app_request_viewport') {
        reply('viewport_changed', {
          height: window.innerHeight,
          width: window.innerWidth,
          is_expanded: true,
          is_state_stable: true,
        });
      }
    },
  };
})();`;

export type TInvoiceStatus = 'paid' | 'cancelled' | 'failed' | 'pending';

/**
 * Makes every page of the context believe it runs inside a Telegram client. `onInvoice` plays the user in
 * Telegram's payment sheet (openInvoice): it gets the invoice slug (the link is `https://t.me/$<slug>`)
 * and returns the status the sheet closes with; without it every invoice is cancelled.
 */
export async function emulateTelegramClient(
  context: BrowserContext,
  options: { onInvoice?: (slug: string) => Promise<TInvoiceStatus> } = {},
): Promise<void> {
  if (options.onInvoice) await context.exposeFunction('__telegramPayInvoice', options.onInvoice);
  await context.addInitScript({ content: telegramClientScript });
}

const ZTelegramEventsSchema = z.array(z.object({ name: z.string(), data: z.unknown() }));
export type TTelegramEvent = z.infer<typeof ZTelegramEventsSchema>[number];

/** Mini Apps methods the page has called so far, oldest first. */
export async function telegramEvents(page: Page): Promise<TTelegramEvent[]> {
  return ZTelegramEventsSchema.parse(await page.evaluate('window.__telegramEvents ?? []'));
}

/** Whether the page last asked Telegram to show its BackButton (hidden until asked). */
export async function isTelegramBackButtonVisible(page: Page): Promise<boolean> {
  const setups = (await telegramEvents(page)).filter((event) => event.name === 'web_app_setup_back_button');
  const last = z.object({ is_visible: z.boolean() }).safeParse(setups.at(-1)?.data);
  return last.success && last.data.is_visible;
}

/** What Telegram sends when the user taps the BackButton in the header. */
export async function pressTelegramBackButton(page: Page): Promise<void> {
  await page.evaluate("window.Telegram.WebView.receiveEvent('back_button_pressed')");
}
