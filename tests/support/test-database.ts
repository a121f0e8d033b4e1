import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { createPrisma, type PrismaClient } from '#core/db/create-prisma.ts';

const MIGRATIONS_DIR = new URL('../../prisma/migrations', import.meta.url).pathname;
const SERVER_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432';

export interface TestDatabase {
  url: string;
  db: PrismaClient;
  drop(): Promise<void>;
}

function migrations(): { name: string; sql: string }[] {
  return readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8') }));
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${SERVER_URL}/postgres` });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database per test file, copied from a template that holds the committed migrations. Copying a
 * template takes a fraction of replaying migrations, and each file gets full isolation. The template's name
 * is a hash of the migrations, so a new migration builds a new template.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const all = migrations();
  const hash = createHash('sha256')
    .update(all.map((m) => m.name + m.sql).join('\n'))
    .digest('hex')
    .slice(0, 12);
  const template = `polygram_tpl_${hash}`;
  const name = `polygram_t_${randomBytes(6).toString('hex')}`;
  await withAdmin(async (admin) => {
    // Parallel test files race to build the template; the advisory lock lets one build it.
    await admin.query('SELECT pg_advisory_lock(734001)');
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (exists.rowCount === 0) {
        await admin.query(`CREATE DATABASE "${template}"`);
        const tpl = new pg.Client({ connectionString: `${SERVER_URL}/${template}` });
        await tpl.connect();
        try {
          for (const m of all) await tpl.query(m.sql);
        } finally {
          await tpl.end();
        }
      }
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock(734001)');
    }
  });
  const url = `${SERVER_URL}/${name}`;
  const db = createPrisma(url, { maxConnections: 20 });
  return {
    url,
    db,
    async drop() {
      await db.$disconnect();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
