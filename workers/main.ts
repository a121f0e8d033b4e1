import { Api } from 'grammy';
import { configuredSinks } from '../core/analytics/configured-sinks.ts';
import { ConfigError, loadEnv } from '../core/config/env.ts';
import { createInfrastructure } from '../core/runtime/infrastructure.ts';
import { startAnalyticsExport } from './analytics-export.ts';
import { startLedgerMaintenance } from './ledger-maintenance.ts';
import { startNotifyWorker } from './notify.ts';

async function main() {
  const config = loadEnv();
  const infra = createInfrastructure(config, 'worker');
  infra.shutdown.onSignals();
  const apiOptions = { apiRoot: config.TELEGRAM_API_ROOT };
  const notify = startNotifyWorker({
    db: infra.db,
    logger: infra.logger,
    connection: infra.redis,
    prefix: infra.queuePrefix,
    apis: { user: new Api(config.BOT_TOKEN, apiOptions), admin: new Api(config.ADMIN_BOT_TOKEN, apiOptions) },
  });
  infra.shutdown.add('notify worker', () => notify.close());
  await notify.waitUntilReady();
  const analytics = await startAnalyticsExport({
    db: infra.db,
    logger: infra.logger,
    connection: infra.redis,
    prefix: infra.queuePrefix,
    sinks: configuredSinks(config),
  });
  infra.shutdown.add('analytics export', () => analytics.close());
  const ledger = await startLedgerMaintenance({
    db: infra.db,
    logger: infra.logger,
    connection: infra.redis,
    prefix: infra.queuePrefix,
  });
  infra.shutdown.add('ledger maintenance', () => ledger.close());
  infra.logger.info('worker started');
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
