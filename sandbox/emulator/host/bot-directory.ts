import type { TPublicBot } from '../contract/host-api.ts';
import type { TEmulatorBot } from './emulator-host-options.ts';
import { HostError } from './host-error.ts';

/** The configured bots by username and by token, with their Bot API ids once registered. */
export class BotDirectory {
  readonly #byUsername = new Map<string, TEmulatorBot & { id: number }>();
  readonly #byToken = new Map<string, TEmulatorBot & { id: number }>();

  add(bot: TEmulatorBot, id: number): void {
    const entry = { ...bot, id };
    this.#byUsername.set(bot.username.toLowerCase(), entry);
    this.#byToken.set(bot.token, entry);
  }

  /** The bot a request names; usernames are case-insensitive, as on Telegram. */
  require(username: string): TEmulatorBot & { id: number } {
    const bot = this.#byUsername.get(username.toLowerCase());
    if (!bot) throw new HostError(404, `unknown bot @${username}`);
    return bot;
  }

  usernameOf(token: string): string | undefined {
    return this.#byToken.get(token)?.username;
  }

  public(): TPublicBot[] {
    return [...this.#byUsername.values()].map(({ id, username, title, kind }) => ({
      id,
      username,
      title,
      kind,
    }));
  }

  all(): (TEmulatorBot & { id: number })[] {
    return [...this.#byUsername.values()];
  }
}
