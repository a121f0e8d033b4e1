import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `vite build --config sandbox/emulator/vite.config.ts` writes the page. */
export const EMULATOR_DIST = fileURLToPath(new URL('../../../dist/emulator/', import.meta.url));

export const emulatorIsBuilt = (distDir = EMULATOR_DIST): boolean => existsSync(join(distDir, 'index.html'));

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * The page loads only its own scripts and talks only to its host; it frames Mini Apps from any origin and
 * shows pictures from anywhere (invoice photos are the bots' URLs).
 */
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: http: https:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  'frame-src http: https:',
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

/** Serves the built page; any path that is not one of its files gets index.html (the page has no routes). */
export async function serveBuiltAsset(res: ServerResponse, distDir: string, pathname: string): Promise<void> {
  const root = join(distDir, '/');
  const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  const candidate = join(root, relative);
  // normalize() resolved any "..": a path that leaves the build folder is not one of its files.
  const inside = candidate.startsWith(root);
  const isFile = inside && statSync(candidate, { throwIfNoEntry: false })?.isFile() === true;
  const path = isFile ? candidate : join(root, 'index.html');
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    return;
  }
  const hashed = relative.startsWith('assets/');
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
    // Vite names built assets by content hash; index.html must always be fresh to point at the new ones.
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-store',
    'x-content-type-options': 'nosniff',
    ...(path.endsWith('.html') ? { 'content-security-policy': PAGE_CSP } : {}),
  });
  res.end(bytes);
}
