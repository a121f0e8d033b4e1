import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const miniappRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: miniappRoot,
  // Relative asset URLs: the same build works at `/` and under a path prefix on the app server.
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/miniapp',
    emptyOutDir: true,
  },
  server: {
    // /files: signed downloads of uploads and results (images, videos) are served by the app too.
    proxy: { '/api': 'http://127.0.0.1:3000', '/files': 'http://127.0.0.1:3000' },
    // The app imports the shared Fluent files (../locales) and API contracts (../server/contracts).
    fs: { allow: [repoRoot] },
  },
});
