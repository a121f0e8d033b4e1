/** What a provider's webhook led to, for the route's log line and answer. */
export type TProviderSettlement =
  /** Paid now, and the buyer is told. */
  | { kind: 'credited'; paymentId: bigint }
  /** Already recorded by an earlier delivery; the buyer's notice is enqueued again under its dedupe key. */
  | { kind: 'duplicate'; paymentId: bigint }
  | { kind: 'canceled'; paymentId: bigint }
  /** Nothing changed: not ours, not final, or not what we asked for. */
  | { kind: 'ignored'; reason: string; paymentId?: bigint };
