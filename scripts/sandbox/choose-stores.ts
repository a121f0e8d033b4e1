import { DevSetupError } from '#scripts/dev/dev-setup-error.ts';
import { choosePostgres, type TPostgresChoice } from './choose-postgres.ts';
import { chooseRedis, type TRedisChoice } from './choose-redis.ts';
import { findPortProblems, isPortFree, type TWantedPort } from './port-check.ts';
import { probePostgres, probeRedis } from './probe-services.ts';
import { PORT_VARIABLES, type TPortName, type TSandboxConfig } from './sandbox-config.ts';
import { findExecutable } from './system-user.ts';

export type TStoreChoices = {
  postgres: Exclude<TPostgresChoice, { kind: 'fail' }>;
  redis: Exclude<TRedisChoice, { kind: 'fail' }>;
};

const WHAT: Record<TPortName, string> = {
  emulator: 'the chat emulator',
  app: 'the app',
  telegram: 'the local Bot API',
  smtp: "the mail catcher's SMTP",
  mail: "the mail catcher's inbox",
  yookassa: 'the YooKassa stand-in',
  cryptopay: 'the Crypto Pay stand-in',
  openai: 'the OpenAI-compatible stand-in',
  predictions: 'the prediction API stand-in',
  bigquery: 'the BigQuery stand-in',
  remnawave: 'the Remnawave panel stand-in',
  postgres: 'the embedded PostgreSQL',
  redis: 'the local redis-server',
};

/**
 * Decides, before anything starts, which PostgreSQL and Redis to use and whether every port the sandbox
 * will listen on is free: each problem found is in one message, and nothing is left to clean up.
 */
export async function chooseStores(
  config: TSandboxConfig,
  ports: Record<TPortName, number>,
): Promise<TStoreChoices> {
  const [postgres, redis] = await Promise.all([
    choosePostgres({
      databaseUrl: config.databaseUrl,
      fromEnv: config.databaseUrlFromEnv,
      embeddedPort: ports.postgres,
      probe: probePostgres,
    }),
    chooseRedis({
      redisUrl: config.redisUrl,
      fromEnv: config.redisUrlFromEnv,
      localPort: ports.redis,
      probe: probeRedis,
      findRedisServer: async () => findExecutable('redis-server'),
    }),
  ]);
  const failures = [postgres, redis].flatMap((choice) => (choice.kind === 'fail' ? [choice.message] : []));
  if (postgres.kind === 'fail' || redis.kind === 'fail') throw new DevSetupError(failures.join('\n\n'));
  // The embedded PostgreSQL's and the local Redis's ports matter only when the sandbox starts them.
  const names = (Object.keys(ports) as TPortName[]).filter(
    (name) =>
      (name !== 'postgres' || postgres.kind === 'embedded') && (name !== 'redis' || redis.kind === 'local'),
  );
  const wanted: TWantedPort[] = names.map((name) => ({
    what: WHAT[name],
    port: ports[name],
    variable: PORT_VARIABLES[name],
  }));
  const problems = await findPortProblems(wanted, isPortFree);
  if (problems.length > 0) throw new DevSetupError(problems.join('\n'));
  return { postgres, redis };
}
