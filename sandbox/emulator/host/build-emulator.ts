import { fileURLToPath } from 'node:url';

export const EMULATOR_VITE_CONFIG = fileURLToPath(new URL('../vite.config.ts', import.meta.url));

/**
 * `vite build --config sandbox/emulator/vite.config.ts` in-process: writes the page to `dist/emulator`,
 * or to `outDir` (tests build into a folder of their own, so parallel test files never share one).
 * Vite is loaded only here (and in the dev middleware), so serving a built page does not load it.
 */
export async function buildEmulator(
  opts: { outDir?: string; logLevel?: 'info' | 'warn' | 'error' | 'silent' } = {},
): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: EMULATOR_VITE_CONFIG,
    logLevel: opts.logLevel ?? 'warn',
    ...(opts.outDir ? { build: { outDir: opts.outDir, emptyOutDir: true } } : {}),
  });
}
