import type { TelegramTestClient } from '../../telegram/client.ts';
import type { TBotKind } from '../contract/host-api.ts';

/** A bot the emulator chats with. The token stays on the host: the page names bots by username. */
export interface TEmulatorBot {
  token: string;
  username: string;
  /** Display name (the bot's first name in Telegram). */
  title: string;
  kind: TBotKind;
}

export interface TEmulatorHostOptions {
  /** 0 picks a free port. */
  port: number;
  /** Default 127.0.0.1: the host signs Mini App launches with the bots' tokens, so it stays local. */
  host?: string;
  /** The local Bot API (sandbox/telegram): its base URL (for the event stream) and a control client. */
  telegram: { url: string; client: TelegramTestClient };
  bots: TEmulatorBot[];
  /** The support group the user bot relays to; created (with the user bots in it) if missing. */
  supportChatId?: number;
  /** Where the Mini App opens when a bot names no URL (a commands menu, a link without a URL). */
  miniAppUrl: string;
  /** The SMTP catcher's inbox page. */
  mailInboxUrl?: string;
  /** The payment stand-ins' own pages, linked from the header. */
  links?: { yookassa?: string; cryptopay?: string };
  logger?: (msg: string) => void;
  /**
   * `built` (default) serves `dist/emulator` (see buildEmulator); `vite` serves the sources through
   * Vite's dev middleware, for working on the emulator itself (reloads on save).
   */
  assets?: 'built' | 'vite';
  /** Where the built page is (default `dist/emulator`); tests serve a build of their own. */
  distDir?: string;
}

export interface EmulatorHost {
  /** http://HOST:PORT/ — open it in a browser. */
  url: string;
  /** Stops following the Bot API, ends the page streams and frees the port. */
  close(): Promise<void>;
}
