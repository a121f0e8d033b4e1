import { relative } from 'node:path';
import { styleText } from 'node:util';
import type { DevConfig } from './dev-config.ts';
import { ROOT } from './dev-config.ts';
import { signedLaunch } from './miniapp-link.ts';

/** Where everything is, printed once the platform is up. */
export function renderBanner(opts: {
  config: DevConfig;
  telegramUrl: string;
  inboxUrl: string;
  logPaths: { app: string; worker: string; sandbox: string };
  color: boolean;
}): string {
  const { config } = opts;
  const bold = (text: string) => (opts.color ? styleText('bold', text) : text);
  const path = (file: string) => relative(ROOT, file);
  const { browserUrl } = signedLaunch(config, config.devUser);
  return [
    '',
    bold('Polygram is running offline.'),
    `  Mini App     ${browserUrl}`,
    `               (as ${config.devUser.firstName}; :app prints one for the current user and a curl line for the API)`,
    `  Mail inbox   ${opts.inboxUrl}`,
    `  Bot API      ${opts.telegramUrl}  @${config.userBot.username}, @${config.adminBot.username}`,
    `  Database     ${config.databaseUrl}  (Redis prefix ${config.redisPrefix})`,
    `  Logs         ${path(opts.logPaths.app)}  ${path(opts.logPaths.worker)}  ${path(opts.logPaths.sandbox)}`,
    '',
    `You are ${config.devUser.firstName} (${config.devUser.id}, super admin) chatting with @${config.userBot.username}.`,
    'Send /start to sign up. :help lists the commands, :quit (or Ctrl-C) stops everything.',
    '',
  ].join('\n');
}
