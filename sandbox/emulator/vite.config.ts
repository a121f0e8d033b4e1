import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const emulatorRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

// The sandbox's chat emulator: a development tool, built into dist/emulator and served by its host
// (host/start-emulator-host.ts). It never reaches the production image (.dockerignore leaves sandbox/ out).
export default defineConfig({
  root: emulatorRoot,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../../dist/emulator',
    emptyOutDir: true,
  },
  server: {
    // The page imports the host contract and the local Bot API's types from outside its root.
    fs: { allow: [repoRoot] },
  },
});
