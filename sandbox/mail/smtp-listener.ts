import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import {
  SMTPServer,
  type SMTPServerDataStream,
  type SMTPServerError,
  type SMTPServerSession,
} from 'smtp-server';
import type { CaughtMail, Logger } from './mail-types.ts';

/** Larger messages are refused with 552, as a real relay would. */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

export type SmtpListener = { port: number; close(): Promise<void> };

export async function startSmtpListener(opts: {
  port: number;
  host: string;
  onMail: (mail: CaughtMail) => void;
  logger?: Logger;
}): Promise<SmtpListener> {
  const log = opts.logger ?? (() => {});
  const server = new SMTPServer({
    // Plain SMTP only: the app connects with a smtp:// URL and there is no certificate to offer.
    secure: false,
    disabledCommands: ['STARTTLS'],
    // Auth is never required, but an SMTP_URL with credentials must still work, so any AUTH
    // succeeds, over plaintext too.
    authOptional: true,
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'anonymous' });
    },
    // Advertised in EHLO, so well-behaved clients give up before sending an oversized body.
    size: MAX_MESSAGE_BYTES,
    name: 'polygram-mail-catcher',
    // Reverse DNS of 127.0.0.1 is pointless here and can stall each connection for seconds.
    disableReverseLookup: true,
    // smtp-server's bunyan-style logging is far too chatty; the few useful events go to `log`.
    logger: false,
    // close() would otherwise wait up to 30 s for a client that keeps its connection open.
    closeTimeout: 1000,
    onData(stream, session, callback) {
      // Two-argument then: a throw after a successful callback must not answer the client twice.
      receive(stream, session).then(
        (mail) => {
          opts.onMail(mail);
          log(`mail-catcher: caught ${mail.id} to ${mail.to.join(', ')}: ${mail.subject}`);
          callback(null, `OK: caught as ${mail.id}`);
        },
        (err: SMTPServerError) => {
          log(`mail-catcher: refused a message: ${err.message}`);
          callback(err);
        },
      );
    },
  });
  // Without a listener a client resetting its connection would crash the whole process.
  server.on('error', (err) => log(`mail-catcher: smtp error: ${err.message}`));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });

  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<CaughtMail> {
  const raw = await readLimited(stream);
  if (raw === null) {
    throw smtpError(552, `Error: message exceeds fixed maximum message size ${MAX_MESSAGE_BYTES}`);
  }
  let parsed: Awaited<ReturnType<typeof simpleParser>>;
  try {
    parsed = await simpleParser(raw);
  } catch (err) {
    // 451 is a temporary failure: a parser bug should not look like a permanently bad address.
    throw smtpError(451, `Error: could not parse message: ${err instanceof Error ? err.message : err}`);
  }
  const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
  return {
    id: randomUUID(),
    from: parsed.from?.text || envelopeFrom,
    // The envelope, not the To header: it is who actually got the mail, Bcc included.
    to: session.envelope.rcptTo.map((r) => r.address),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : null,
    receivedAt: new Date(),
  };
}

/**
 * Buffers the message, or resolves null once it is over the limit. The stream is still drained
 * to the end in that case, since smtp-server only answers the DATA command after it ends.
 */
function readLimited(stream: SMTPServerDataStream): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= MAX_MESSAGE_BYTES) chunks.push(chunk);
    });
    stream.once('error', reject);
    stream.once('end', () => {
      resolve(stream.sizeExceeded || bytes > MAX_MESSAGE_BYTES ? null : Buffer.concat(chunks));
    });
  });
}

function smtpError(responseCode: number, message: string): SMTPServerError {
  return Object.assign(new Error(message), { responseCode });
}
