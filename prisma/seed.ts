// `npx prisma db seed`: the sandbox's demo data (scripts/sandbox/demo-data.ts) in DATABASE_URL's database,
// through the domain services. `npm run sandbox` seeds its own database by itself; this is for seeding
// another one by hand. Demo accounts include a super admin, so it refuses to run in production.
import { createPrisma } from '#core/db/create-prisma.ts';
import { DEFAULT_DATABASE_URL } from '#scripts/sandbox/sandbox-config.ts';
import { seedDemo } from '#scripts/sandbox/seed-demo.ts';

async function main(): Promise<void> {
  if (process.env.NODE_ENV === 'production') {
    console.error('prisma db seed writes demo accounts and a super admin: not in production (NODE_ENV).');
    process.exitCode = 1;
    return;
  }
  const db = createPrisma(process.env.DATABASE_URL || DEFAULT_DATABASE_URL, { maxConnections: 2 });
  try {
    const added = await seedDemo(db);
    console.warn(`demo data: ${JSON.stringify(added)}`);
  } finally {
    await db.$disconnect();
  }
}

await main();
