// Shared shapes of the mail catcher. Kept apart from the servers so tests and the sandbox UI
// can import the types without pulling in smtp-server or node:http.

export type CaughtMail = {
  id: string;
  /** The From header as written by the sender (display name included), else the SMTP envelope sender. */
  from: string;
  /** SMTP envelope recipients: everyone the message was delivered to, Cc and Bcc included. */
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  receivedAt: Date;
};

export type WaitForOptions = {
  /** Recipient address, compared case-insensitively against `CaughtMail.to`. */
  to: string;
  /** Only messages received at or after this instant count. Without it, already caught mail counts too. */
  since?: Date;
  /** Defaults to 10 seconds. */
  timeoutMs?: number;
  match?: (mail: CaughtMail) => boolean;
};

export type MailCatcher = {
  /** smtp://HOST:PORT, ready to be used as SMTP_URL. */
  smtpUrl: string;
  /** http://HOST:PORT, serving the JSON API and the HTML inbox at `/`. */
  httpUrl: string;
  /** Newest first. */
  messages(): CaughtMail[];
  waitFor(opts: WaitForOptions): Promise<CaughtMail>;
  clear(): void;
  close(): Promise<void>;
};

export type MailCatcherOptions = {
  /** 0 (the default) picks a free port. */
  smtpPort?: number;
  /** 0 (the default) picks a free port. */
  httpPort?: number;
  /** Interface to listen on, 127.0.0.1 by default. */
  host?: string;
  logger?: (msg: string) => void;
};

export type Logger = (msg: string) => void;
