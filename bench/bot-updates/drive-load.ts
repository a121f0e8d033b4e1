import type { ReplyTracker } from './reply-tracker.ts';
import type { TSendCommand } from './send-command.ts';

export interface TLoadPhase {
  send: TSendCommand;
  token: string;
  text: string;
  /** User ids in send order; a user may appear many times. */
  senders: readonly number[];
  /** Commands in flight at most. */
  window: number;
  tracker: ReplyTracker;
}

export interface TLoadOutcome {
  latenciesMs: number[];
  wallMs: number;
}

/**
 * Closed-loop load: `window` senders, each sends a command and waits for its reply before taking the next
 * one. A fixed window keeps the bot loaded (always `window` updates queued or in progress) without letting
 * an open-loop generator pile up an unbounded backlog, where latency would only measure the queue length.
 * Commands of one chat are sent one after another, like a person waiting for the answer; that is also what
 * makes pairing a reply with its command exact.
 */
export async function driveLoad(phase: TLoadPhase): Promise<TLoadOutcome> {
  const latenciesMs: number[] = [];
  const busyChats = new Map<number, Promise<unknown>>();
  let next = 0;
  let failed = false;

  const sendOne = async (userId: number) => {
    const sentAt = performance.now();
    const reply = phase.tracker.expect(userId, sentAt);
    // The reply promise must be observed before awaiting the send, or a fast failure would be unhandled.
    reply.catch(() => {});
    await phase.send({ token: phase.token, userId, text: phase.text });
    latenciesMs.push(await reply);
  };

  const sender = async () => {
    while (!failed && next < phase.senders.length) {
      const userId = phase.senders[next++] as number;
      // Rare with round-robin senders, but a slow reply must not overlap with the chat's next command:
      // chained synchronously, so even several senders waiting for one chat take turns.
      const previous = busyChats.get(userId)?.catch(() => {}) ?? Promise.resolve();
      const sending = previous.then(() => (failed ? undefined : sendOne(userId)));
      busyChats.set(userId, sending);
      try {
        await sending;
      } catch (error) {
        // Stop every sender now instead of letting each wait out its own timeout.
        failed = true;
        phase.tracker.abandon('run aborted after another command failed');
        throw error;
      } finally {
        if (busyChats.get(userId) === sending) busyChats.delete(userId);
      }
    }
  };

  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(phase.window, phase.senders.length) }, sender));
  return { latenciesMs, wallMs: performance.now() - started };
}
