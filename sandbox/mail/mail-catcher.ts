// A local SMTP catcher: the app's nodemailer transport points SMTP_URL at it in tests and in the
// offline sandbox, and caught mail is readable from code (`waitFor`) and over HTTP.
import { startHttpInbox } from './http-inbox.ts';
import { MailStore } from './mail-store.ts';
import type { MailCatcher, MailCatcherOptions } from './mail-types.ts';
import { startSmtpListener } from './smtp-listener.ts';

export type { CaughtMail, MailCatcher, MailCatcherOptions, WaitForOptions } from './mail-types.ts';
export { MAX_MESSAGE_BYTES } from './smtp-listener.ts';

export async function startMailCatcher(opts: MailCatcherOptions = {}): Promise<MailCatcher> {
  const host = opts.host ?? '127.0.0.1';
  const logger = opts.logger;
  const store = new MailStore();

  const smtp = await startSmtpListener({
    port: opts.smtpPort ?? 0,
    host,
    onMail: (mail) => store.add(mail),
    logger,
  });
  let http: Awaited<ReturnType<typeof startHttpInbox>>;
  try {
    http = await startHttpInbox({ port: opts.httpPort ?? 0, host, store, logger });
  } catch (err) {
    // Do not leak a listening SMTP port when the HTTP side cannot start (e.g. port in use).
    await smtp.close();
    throw err;
  }

  const urlHost = connectableHost(host);
  const smtpUrl = `smtp://${urlHost}:${smtp.port}`;
  const httpUrl = `http://${urlHost}:${http.port}`;
  logger?.(`mail-catcher: smtp on ${smtpUrl}, inbox on ${httpUrl}`);

  let closing: Promise<void> | undefined;
  return {
    smtpUrl,
    httpUrl,
    messages: () => store.list(),
    waitFor: (waitOpts) => store.waitFor(waitOpts),
    clear: () => store.clear(),
    // Idempotent, so test teardown can call it unconditionally.
    close: () => {
      closing ??= (async () => {
        store.close();
        await Promise.all([smtp.close(), http.close()]);
        logger?.('mail-catcher: closed');
      })();
      return closing;
    },
  };
}

/** A URL must name an address clients can reach: a wildcard bind is reached over loopback. */
function connectableHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
