import type { TStoreChoices } from './choose-stores.ts';
import { type TWhereLine, withoutPassword } from './sandbox-banner.ts';
import { ADMIN_BOT, USER_BOT } from './sandbox-world.ts';
import type { TStandIns } from './start-stand-ins.ts';

/** "What runs where", under the one URL: for the curious, and for pointing a tool at a stand-in. */
export function whereLines(opts: {
  appUrl: string;
  databaseUrl: string;
  redisUrl: string;
  stores: TStoreChoices;
  standIns: TStandIns;
}): TWhereLine[] {
  const { standIns, stores } = opts;
  const kept = 'found running, left running';
  return [
    { what: 'app', where: opts.appUrl, note: 'API, Mini App, /health, /metrics' },
    { what: 'Bot API', where: standIns.telegramUrl, note: `@${USER_BOT.username}, @${ADMIN_BOT.username}` },
    { what: 'mail', where: standIns.mailInboxUrl, note: `SMTP ${new URL(standIns.smtpUrl).host}` },
    ...Object.values(standIns.services).map((service) => ({
      what: service.name.replace(/^the /, ''),
      where: service.url,
    })),
    stores.postgres.kind === 'embedded'
      ? { what: 'PostgreSQL', where: opts.databaseUrl, note: 'embedded, its data kept between runs' }
      : { what: 'PostgreSQL', where: withoutPassword(opts.databaseUrl), note: kept },
    {
      what: 'Redis',
      where: opts.redisUrl,
      note: stores.redis.kind === 'local' ? 'redis-server started by the sandbox, nothing saved' : kept,
    },
  ];
}
