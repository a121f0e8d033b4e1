import { startMailCatcher } from '#sandbox/mail/mail-catcher.ts';
import {
  startStandIns as startServiceStandIns,
  type TRunningStandIns,
} from '#sandbox/stand-ins/stand-ins.ts';
import { startTelegramServer } from '#sandbox/telegram/server.ts';
import type { TPortName } from './sandbox-config.ts';
import { appUrlOf } from './sandbox-env.ts';

export interface TStandIns {
  telegramUrl: string;
  smtpUrl: string;
  mailInboxUrl: string;
  /** Every outside service's stand-in (sandbox/stand-ins/stand-ins.ts), by name. */
  services: TRunningStandIns;
  /** The app's variables for them. */
  servicesEnv: Record<string, string>;
}

/** Registers what was started, so a failure halfway still stops the ones already listening. */
export type TOwn = (name: string, close: () => Promise<unknown>) => void;

/**
 * The local Bot API and mail catcher, then every outside service of the platform as the stand-ins under
 * sandbox/ (the same list the e2e stack and `npm run dev` start), on the configured ports. Their webhooks
 * and notifications go to the app's routes, as the real services' would.
 */
export async function startStandIns(opts: {
  ports: Record<TPortName, number>;
  logger: (line: string) => void;
  own: TOwn;
}): Promise<TStandIns> {
  const { ports, logger, own } = opts;
  const telegram = await startTelegramServer({ port: ports.telegram, logger });
  own('the local Bot API', () => telegram.close());
  const mail = await startMailCatcher({ smtpPort: ports.smtp, httpPort: ports.mail, logger });
  own('the mail catcher', () => mail.close());
  const isPort = (name: string): name is TPortName => name in ports;
  const services = await startServiceStandIns(
    { appUrl: appUrlOf(ports.app), port: (name) => (isPort(name) ? ports[name] : 0), logger },
    own,
  );
  return {
    telegramUrl: telegram.url,
    smtpUrl: mail.smtpUrl,
    mailInboxUrl: mail.httpUrl,
    services: services.running,
    servicesEnv: services.env,
  };
}
