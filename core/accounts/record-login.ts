import type { LoginKind, LoginSource, PrismaClient } from '../db/generated/client.ts';

export interface TLoginEvent {
  userId: bigint;
  source: LoginSource;
  kind?: LoginKind;
  ip?: string | null;
  userAgent?: string | null;
}

export async function recordLogin(db: PrismaClient, event: TLoginEvent): Promise<void> {
  await db.loginEvent.create({
    data: {
      userId: event.userId,
      source: event.source,
      kind: event.kind ?? 'login',
      ip: event.ip ?? null,
      // User agents are attacker-controlled; a bounded length keeps one request from bloating the table.
      userAgent: event.userAgent?.slice(0, 512) ?? null,
    },
  });
}
