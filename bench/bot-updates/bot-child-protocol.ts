/** Messages between the bench and the bot process it spawns (Node IPC, JSON). */

export type TBotKind = 'bare' | 'polygram';

export interface TBotStart {
  kind: TBotKind;
  token: string;
  apiRoot: string;
  /** Polygram only: its database and Redis namespace, prepared by the bench. */
  databaseUrl?: string;
  redisUrl?: string;
  redisPrefix?: string;
}

export type TParentMessage = { type: 'start'; start: TBotStart } | { type: 'cpu' } | { type: 'stop' };

export type TChildMessage =
  | { type: 'ready' }
  /** user + system CPU microseconds of the bot process so far. */
  | { type: 'cpu'; micros: number }
  | { type: 'error'; message: string };
