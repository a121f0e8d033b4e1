import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import {
  buildEmulator,
  type EmulatorHost,
  startEmulatorHost,
} from '#sandbox/emulator/host/start-emulator-host.ts';
import { launchBrowser } from '#tests/e2e/browser.ts';
import { buildMiniAppIfStale } from '#tests/e2e/miniapp-launch.ts';
import { type Stack, startStack } from '#tests/e2e/stack.ts';
import { EmulatorPage } from './emulator-page.ts';

/** The viewport of every journey page: what the README screenshots are taken at (1 CSS px = 1 px). */
export const JOURNEY_VIEWPORT = { width: 1280, height: 800 } as const;

export interface JourneyWorld {
  stack: Stack;
  emulator: EmulatorHost;
  browser: Browser;
  /** A fresh browser context (its own localStorage: no user chosen yet) on the emulator page. */
  openEmulator(): Promise<EmulatorPage>;
  stop(): Promise<void>;
}

/**
 * What `npm run sandbox` shows, built for one test file: the e2e stack (real app and worker, the local Bot
 * API, every provider stand-in), the chat emulator pointed at it exactly as scripts/sandbox/start-emulator.ts
 * points it at the sandbox (both bots, the support group, the mail inbox, the Mini App the app serves), and
 * Debian's Chromium to drive it.
 */
export async function startJourneyWorld(opts: {
  name: string;
  superAdminIds?: number[];
  vpnTrialAtSignup?: boolean;
}): Promise<JourneyWorld> {
  buildMiniAppIfStale();
  // A build of its own: the sandbox may be serving dist/emulator, and other test files run in parallel.
  const distDir = await mkdtemp(join(tmpdir(), `journey-emulator-${opts.name}-`));
  let stack: Stack | undefined;
  let emulator: EmulatorHost | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close();
    await emulator?.close();
    await stack?.stop();
    await rm(distDir, { recursive: true, force: true });
  };
  try {
    const [started] = await Promise.all([
      startStack({
        name: opts.name,
        ...(opts.superAdminIds ? { superAdminIds: opts.superAdminIds } : {}),
        vpnTrialAtSignup: opts.vpnTrialAtSignup ?? false,
      }),
      buildEmulator({ outDir: distDir }),
    ]);
    stack = started;
    emulator = await startEmulatorHost({
      port: 0,
      telegram: { url: stack.telegramUrl, client: stack.telegram },
      bots: [
        { token: stack.userBot.token, username: stack.userBot.username, title: 'Polygram', kind: 'user' },
        {
          token: stack.adminBot.token,
          username: stack.adminBot.username,
          title: 'Polygram Admin',
          kind: 'admin',
        },
      ],
      supportChatId: stack.supportChatId,
      miniAppUrl: `${stack.appUrl}/`,
      mailInboxUrl: `${stack.mail.httpUrl}/`,
      links: { yookassa: stack.yookassa.url, cryptopay: stack.cryptopay.url },
      distDir,
    });
    browser = await launchBrowser();
  } catch (error) {
    await stop();
    throw error;
  }
  const host = emulator;
  const chromium = browser;
  return {
    stack,
    emulator: host,
    browser: chromium,
    async openEmulator() {
      const context = await chromium.newContext({ viewport: JOURNEY_VIEWPORT, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(host.url);
      return new EmulatorPage(page);
    },
    stop,
  };
}
