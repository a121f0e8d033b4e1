import { randomBytes } from 'node:crypto';

let next = 0;
/** Telegram-like ids unique across parallel test files (random high bits, a counter below). */
export const uniqueTelegramId = (): bigint =>
  BigInt(1_000_000_000 + (randomBytes(3).readUIntBE(0, 3) % 900_000) * 1000 + (next++ % 1000));

export const testKey = (): Buffer => randomBytes(32);
