import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { maintenanceUrl } from '#scripts/sandbox/probe-services.ts';
import { ROOT } from './dev-config.ts';
import { DevSetupError } from './dev-setup-error.ts';
import { runCommand } from './run-command.ts';

// Our own machines cannot download Prisma's native schema engine; ../shared/tools has a stand-in
// (see ../shared/PRISMA.md). Elsewhere the file is absent and Prisma downloads its engine as usual.
const SCHEMA_ENGINE_STAND_IN = resolve(ROOT, '../shared/tools/prisma-schema-engine.mjs');

async function createDatabaseIfMissing(databaseUrl: string): Promise<boolean> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!/^[A-Za-z0-9_-]+$/.test(name))
    throw new DevSetupError(`DATABASE_URL must name a database of letters, digits, _ and -; got "${name}"`);
  const client = new pg.Client({ connectionString: maintenanceUrl(databaseUrl) });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount !== 0) return false;
    // Identifiers cannot be bound as parameters; the name was checked against a strict pattern above.
    await client.query(`CREATE DATABASE "${name}"`);
    return true;
  } finally {
    await client.end();
  }
}

function runMigrations(databaseUrl: string): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl };
  if (!env.PRISMA_SCHEMA_ENGINE_BINARY && existsSync(SCHEMA_ENGINE_STAND_IN))
    env.PRISMA_SCHEMA_ENGINE_BINARY = SCHEMA_ENGINE_STAND_IN;
  return runCommand('npx', ['prisma', 'migrate', 'deploy'], env);
}

/** The dev database, created on the first run and brought up to the committed migrations on every run. */
export async function prepareDatabase(databaseUrl: string): Promise<{ created: boolean }> {
  const created = await createDatabaseIfMissing(databaseUrl);
  await runMigrations(databaseUrl);
  return { created };
}
