import { createServer } from 'node:http';

/**
 * A page standing in for the Telegram client around the Mini App. Opened directly, the built Mini App finds
 * no Telegram client to talk to (no TelegramWebviewProxy, not in a frame) and shows "Open this from
 * Telegram". Telegram Web hosts Mini Apps in an iframe, so this page does the same and hands the iframe the
 * launch parameters from its own hash. It must be served from 127.0.0.1 like the app: Chromium isolates a
 * cross-site frame (file://, localhost) into its own process, and the SDK then fails to start in it.
 * What the SDK posts to its parent is addressed to https://web.telegram.org and never arrives here, which
 * is fine: the theme and the user come from the launch parameters.
 */
function hostPage(miniAppUrl: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Polygram Mini App (offline)</title>
<style>
  html, body { margin: 0; height: 100%; background: #efeff4; font: 14px system-ui, sans-serif; }
  body { display: flex; flex-direction: column; align-items: center; }
  header { padding: 8px; color: #707579; }
  iframe { flex: 1; width: 100%; max-width: 480px; border: 0; background: #fff; box-shadow: 0 0 8px #0002; }
</style>
</head>
<body>
<header id="who">Mini App</header>
<iframe id="app" title="Mini App"></iframe>
<script>
  const miniAppUrl = ${JSON.stringify(miniAppUrl)};
  function launch() {
    const frame = document.getElementById('app');
    if (!location.hash.includes('tgWebAppData=')) {
      document.getElementById('who').textContent = 'No launch parameters: use the link npm run dev prints (:app).';
      return;
    }
    try {
      const data = new URLSearchParams(new URLSearchParams(location.hash.slice(1)).get('tgWebAppData'));
      const user = JSON.parse(data.get('user'));
      document.getElementById('who').textContent = 'Mini App as ' + user.first_name + ' (' + user.id + ')';
    } catch {}
    frame.src = miniAppUrl.replace(/#.*$/, '') + location.hash;
  }
  // A new link pasted into the same tab changes only the hash: relaunch as that user.
  window.addEventListener('hashchange', launch);
  launch();
</script>
</body>
</html>
`;
}

export interface WebviewHost {
  /** http://127.0.0.1:PORT/ — append `#<launch parameters>`. */
  url: string;
  close(): Promise<void>;
}

export async function startWebviewHost(opts: { port: number; miniAppUrl: string }): Promise<WebviewHost> {
  const page = hostPage(opts.miniAppUrl);
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    // Browsers ask for an icon on every visit; an empty answer keeps their consoles free of 404s.
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (req.method !== 'GET' || path !== '/') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${opts.port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
