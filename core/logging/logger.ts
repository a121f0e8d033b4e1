import { type Logger, pino } from 'pino';

export type { Logger };

/**
 * JSON logs. The redaction list is a safety net: code must not pass secrets to the logger at all,
 * but a token that slips into an error object (grammY puts the method URL there) is masked.
 */
export function createLogger(opts: { level: string; name: string }): Logger {
  return pino({
    name: opts.name,
    level: opts.level,
    redact: {
      paths: [
        'token',
        '*.token',
        'authorization',
        '*.authorization',
        'headers.authorization',
        'password',
        '*.password',
      ],
      censor: '[redacted]',
    },
    formatters: { level: (label) => ({ level: label }) },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

/** Bot tokens appear inside Bot API URLs; strip them from any string before it is logged. */
export const maskBotTokens = (text: string): string =>
  text.replace(/\d{5,}:[A-Za-z0-9_-]{20,}/g, '[bot-token]');
