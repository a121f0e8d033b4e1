import { createHash } from 'node:crypto';

/**
 * A short, stable name for an API key: what logs, Redis keys and job handles carry instead of the key.
 * Ten hex characters of SHA-256 tell a handful of keys apart and reveal nothing about them.
 */
export const keyFingerprint = (key: string): string =>
  createHash('sha256').update(key).digest('hex').slice(0, 10);
