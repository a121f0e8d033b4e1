import type { Prisma } from './generated/client.ts';

/** A provider payload as plain JSON for a Json column (drops undefined, keeps what the provider sent). */
export const toJson = (value: unknown): Prisma.InputJsonValue =>
  JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
