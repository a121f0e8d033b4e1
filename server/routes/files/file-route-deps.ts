import type { TFileStore } from '#core/files/file-store.ts';
import type { ServerDeps } from '#server/deps.ts';

export type TFileRouteDeps = ServerDeps & { fileStore: TFileStore; fileUrlKey: Buffer };

/** The file routes are mounted only with a store and a URL key (tests of other routes pass neither). */
export const withFiles = (deps: ServerDeps): TFileRouteDeps | null => {
  const { fileStore, fileUrlKey } = deps;
  return fileStore && fileUrlKey ? { ...deps, fileStore, fileUrlKey } : null;
};
