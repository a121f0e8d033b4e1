import { recordEvent } from '#core/analytics/record-event.ts';
import type { LoginKind, LoginSource, PrismaClient } from '#core/db/generated/client.ts';

export interface TLoginEvent {
  userId: bigint;
  source: LoginSource;
  kind?: LoginKind;
  ip?: string | null;
  userAgent?: string | null;
  geo?: string | null;
}

export async function recordLogin(db: PrismaClient, event: TLoginEvent): Promise<void> {
  const kind = event.kind ?? 'login';
  const ip = event.ip?.slice(0, 64) ?? null;
  // User agents are attacker-controlled; a bounded length keeps one request from bloating the table.
  const userAgent = event.userAgent?.slice(0, 512) ?? null;
  // The session event is written with the login row: the warehouse never sees a login that did not happen.
  await db.$transaction(async (tx) => {
    await tx.loginEvent.create({
      data: { userId: event.userId, source: event.source, kind, ip, userAgent },
    });
    await recordEvent(tx, {
      type: 'session',
      userId: event.userId,
      payload: { action: kind, source: event.source, ip, geo: event.geo ?? null, useragent: userAgent },
    });
  });
}
