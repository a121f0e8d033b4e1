import { execFile, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import type { TUnixUser } from './postgres-user-plan.ts';

const run = promisify(execFile);

/** null on Windows, which has no uids. */
export const currentUid = (): number | null =>
  typeof process.getuid === 'function' ? process.getuid() : null;

/** The first executable `name` in PATH (and, for system tools like useradd, the sbin folders). */
export function findExecutable(name: string, extraDirs: readonly string[] = []): string | null {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), ...extraDirs].filter(Boolean);
  for (const dir of dirs) {
    const path = join(dir, name);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // Not in this folder; try the next one.
    }
  }
  return null;
}

export async function lookupUnixUser(name: string): Promise<TUnixUser | null> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', name]), run('id', ['-g', name])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return null;
  }
}

const reason = (error: unknown) =>
  error instanceof Error && 'stderr' in error && typeof error.stderr === 'string' && error.stderr.trim()
    ? error.stderr.trim()
    : String(error);

/**
 * A system account with no home and no login shell: it exists only so the server is not root. A `postgres`
 * group left behind by an uninstalled PostgreSQL package is reused (useradd exits 9 when it exists).
 */
export async function createSystemUser(useradd: string, name: string): Promise<TUnixUser> {
  const common = ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin'];
  try {
    await run(useradd, [...common, '--user-group', name]);
  } catch (error) {
    const groupExists = error instanceof Error && 'code' in error && error.code === 9;
    if (!groupExists) throw new Error(`useradd could not add the user "${name}": ${reason(error)}`);
    await run(useradd, [...common, '--gid', name, name]).catch((retry: unknown) => {
      throw new Error(`useradd could not add the user "${name}": ${reason(retry)}`);
    });
  }
  const user = await lookupUnixUser(name);
  if (!user) throw new Error(`useradd reported success, but "id ${name}" does not find the user`);
  return user;
}

/**
 * Which of `paths` the user cannot use, asked as that user (`test -x` on each): permission bits alone do
 * not say it, every folder above counts too.
 */
export function unreachableAs(user: TUnixUser, paths: readonly string[]): Promise<string[]> {
  const script = 'for p in "$@"; do test -x "$p" || echo "$p"; done';
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', script, 'sh', ...paths], {
      uid: user.uid,
      gid: user.gid,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.once('error', reject);
    child.once('close', () => resolve(out.split('\n').filter(Boolean)));
  });
}
