import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { closeServer, listen } from '#sandbox/http-stand-in/http-basics.ts';

const SDK_PATH = fileURLToPath(
  new URL('../../node_modules/@telegram-apps/sdk/dist/index.iife.js', import.meta.url),
);

// A Mini App made with the same SDK as Polygram's (@telegram-apps/sdk, its browser build) and mounted the
// same way as miniapp/src/init.ts, plus a MainButton, a BackButton and openInvoice. It writes what it sees
// and receives into #log, so a test can read the protocol from the app's side.
const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Test Mini App</title>
<style>body { font: 15px system-ui; margin: 16px; background: var(--tg-theme-bg-color); color: var(--tg-theme-text-color); }</style>
</head>
<body>
<h1 id="hello">Starting…</h1>
<button id="pay" type="button">Pay in the app</button>
<ol id="log"></ol>
<script src="/sdk.js"></script>
<script>
(async () => {
  const sdk = window.telegramApps.sdk;
  const log = (line) => {
    const item = document.createElement('li');
    item.textContent = line;
    document.getElementById('log').append(item);
  };
  // What a Mini App needs to talk to the emulator: the SDK posts to https://web.telegram.org unless told
  // the client's origin (a loopback one here).
  sdk.targetOrigin.set(window.location.ancestorOrigins[0]);
  sdk.init();
  sdk.restoreInitData();
  sdk.mountThemeParamsSync();
  sdk.bindThemeParamsCssVars();
  sdk.mountMiniAppSync();
  sdk.mountBackButton();
  sdk.mountMainButton();
  await sdk.mountViewport();
  log('viewport ' + sdk.viewportWidth() + 'x' + sdk.viewportHeight());
  document.getElementById('hello').textContent = 'Hello, ' + sdk.initDataUser().first_name;
  sdk.setMainButtonParams({ text: 'Buy tokens', isVisible: true, isEnabled: true });
  sdk.onMainButtonClick(() => log('main_button_pressed'));
  sdk.showBackButton();
  sdk.onBackButtonClick(() => log('back_button_pressed'));
  sdk.on('theme_changed', (event) => log('theme ' + event.theme_params.bg_color));
  const invoice = new URLSearchParams(window.location.search).get('invoice');
  document.getElementById('pay').onclick = async () => log('invoice ' + (await sdk.openInvoice(invoice, 'url')));
  sdk.miniAppReady();
  log('ready');
})().catch((error) => { document.getElementById('hello').textContent = 'failed: ' + error; });
</script>
</body>
</html>`;

/** Serves the test Mini App at `/app/` on its own origin (as a bot's web app is), with the SDK at `/sdk.js`. */
export async function startTestMiniApp(): Promise<{ url: string; close(): Promise<void> }> {
  const sdk = await readFile(SDK_PATH);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/sdk.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(sdk);
    else if (path === '/app/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    else res.writeHead(404).end();
  });
  const port = await listen(server, 0, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}/app/`, close: () => closeServer(server) };
}
