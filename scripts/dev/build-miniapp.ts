import { existsSync } from 'node:fs';
import { ROOT } from './dev-config.ts';
import { runCommand } from './run-command.ts';

// The app serves the built Mini App from dist/miniapp. It is built only when missing: after changing
// miniapp/, run `npm run build` (or delete dist/miniapp) and restart.
export const miniAppIsBuilt = (): boolean => existsSync(`${ROOT}dist/miniapp/index.html`);

export const buildMiniApp = (): Promise<void> =>
  runCommand('npx', ['vite', 'build', '--config', 'miniapp/vite.config.ts']);
