/**
 * What a user waits for when they open the Mini App: the initial JavaScript and CSS it must download
 * (gzip, as a server or CDN sends them) and the time from navigation to the first paint and to the home
 * screen with the user's own data (`/api/me` answered by the real app against PostgreSQL), in Debian's
 * headless Chromium on a phone-sized viewport. Every load is a fresh browser context: no HTTP cache, no
 * sessionStorage, as a first launch from Telegram.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { round, summarize } from '#bench/stats.ts';
import type { TBenchModule, TBenchResult } from '#bench/types.ts';
import { emulateTelegramClient, launchBrowser } from '#tests/e2e/browser.ts';
import { buildMiniAppIfStale, launchUrl, waitForTitle } from '#tests/e2e/miniapp-launch.ts';
import { startStack } from '#tests/e2e/stack.ts';

const WORKLOAD = { loads: 15, warmupLoads: 2, viewport: '390x844' };
const FIRST_USER_ID = 9_400_000_000;
/** Resolves to the first contentful paint's time, waiting up to 5 s for the entry; NaN if none came. */
const FIRST_CONTENTFUL_PAINT = `new Promise((resolve) => {
  const read = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
  if (read() !== undefined) return resolve(read());
  new PerformanceObserver(() => { if (read() !== undefined) resolve(read()); })
    .observe({ type: 'paint', buffered: true });
  setTimeout(() => resolve(Number.NaN), 5000);
})`;
const distDir = fileURLToPath(new URL('../../dist/miniapp/', import.meta.url));

/** The files index.html makes the browser fetch before anything renders: entry script, preloads, styles. */
function initialAssets(): { js: string[]; css: string[] } {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const refs = (pattern: RegExp) => [...html.matchAll(pattern)].map((m) => (m[1] ?? '').replace(/^\//, ''));
  return {
    js: [
      ...refs(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
      ...refs(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
    ],
    css: refs(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g),
  };
}

const gzipKb = (files: string[]) =>
  round(
    files.reduce((sum, f) => sum + gzipSync(readFileSync(join(distDir, f)), { level: 9 }).length, 0) / 1024,
    1,
  );
const rawKb = (files: string[]) =>
  round(files.reduce((sum, f) => sum + readFileSync(join(distDir, f)).length, 0) / 1024, 1);

async function run(): Promise<TBenchResult> {
  buildMiniAppIfStale();
  const assets = initialAssets();
  if (assets.js.length === 0) throw new Error('miniapp: index.html names no module script');
  const stack = await startStack({ name: 'bench-miniapp' });
  const browser = await launchBrowser();
  try {
    const paint: number[] = [];
    const home: number[] = [];
    let wallMs = 0;
    for (let i = 0; i < WORKLOAD.warmupLoads + WORKLOAD.loads; i++) {
      const id = FIRST_USER_ID + i;
      // Signed-up users, as a returning user opens the app (a new one would also count against the
      // sign-up limit per address).
      await stack.db.user.create({
        data: {
          id: BigInt(id),
          firstName: 'Bench',
          language: 'en',
          signedUpAt: new Date(),
          referralCode: `bench${id}`,
        },
      });
      const initData = stack.signInitData({ id, first_name: 'Bench', language_code: 'en' });
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
      });
      await emulateTelegramClient(context);
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(launchUrl(stack.appUrl, initData));
      await waitForTitle(page, 'Hi, Bench!');
      const elapsed = performance.now() - started;
      const now = await page.evaluate(() => performance.now());
      // In page time (from navigation start), so the harness's own round trips are not counted. The paint
      // entry is queued once the frame is presented, which can be just after the DOM shows the title.
      // A string, not a function: tsx's name-keeping helpers do not exist inside the page.
      const fcp = Number(await page.evaluate(FIRST_CONTENTFUL_PAINT));
      const times = { fcp, now };
      await context.close();
      if (i < WORKLOAD.warmupLoads) continue;
      paint.push(times.fcp);
      home.push(times.now);
      wallMs += elapsed;
      if (Number.isNaN(times.fcp)) throw new Error(`miniapp: load ${i} reported no first contentful paint`);
    }
    const details = { loads: WORKLOAD.loads };
    return {
      name: 'miniapp',
      title: 'Mini App first launch (headless Chromium, real app + PostgreSQL)',
      unit: 'loads',
      workload: { ...WORKLOAD, initialJsGzipKb: gzipKb(assets.js), initialCssGzipKb: gzipKb(assets.css) },
      rows: [
        { key: 'fcp', label: 'first contentful paint', figures: summarize(paint, wallMs), details },
        {
          key: 'home',
          label: 'home with the user’s data (/api/me)',
          figures: summarize(home, wallMs),
          details,
        },
      ],
      comparisons: [],
      notes: [
        `initial JS ${gzipKb(assets.js)} kB gzip (${rawKb(assets.js)} kB raw, ${assets.js.length} file(s)); ` +
          `CSS ${gzipKb(assets.css)} kB gzip. Loopback network: download time is not in the figures.`,
        'Times are from navigation start in the page; each load is a new browser context (cold cache).',
      ],
    };
  } finally {
    await browser.close();
    await stack.stop();
  }
}

export const miniAppBench: TBenchModule = { name: 'miniapp', run };
