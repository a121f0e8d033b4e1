import type { Prisma } from '#core/db/generated/client.ts';
import { type TAnalyticsEventInput, ZAnalyticsEventInputSchema } from './analytics-events.ts';

/**
 * Appends an event to the analytics outbox inside the caller's transaction, so an event exists exactly when
 * the change it describes committed. The user's email is read by the same statement (one round trip): the
 * warehouse wants it on every row, and it is the email at the time of the event.
 */
export async function recordEvent(tx: Prisma.TransactionClient, input: TAnalyticsEventInput): Promise<void> {
  const event = ZAnalyticsEventInputSchema.parse(input);
  await tx.$executeRaw`
    INSERT INTO analytics_events (type, user_id, payload)
    SELECT ${event.type}::"AnalyticsEventType", ${event.userId},
           ${JSON.stringify(event.payload)}::jsonb
             || jsonb_build_object('email', (SELECT email FROM users WHERE id = ${event.userId}))`;
}
