import { BotRecord } from './bot-record.ts';

/** Telegram bot tokens look like `123456789:AAH…`: the bot id, a colon, a secret. */
const TOKEN_PATTERN = /^(\d{1,19}):([A-Za-z0-9_-]{1,128})$/;

function parseToken(token: string): { id: number } | undefined {
  const match = TOKEN_PATTERN.exec(token);
  if (!match?.[1]) return undefined;
  const id = Number(match[1]);
  return Number.isSafeInteger(id) && id > 0 ? { id } : undefined;
}

export class BotRegistry {
  readonly #byId = new Map<number, BotRecord>();

  /**
   * The bot for a Bot API token. A well-formed token for an unknown id
   * registers the bot on the fly (username `bot<id>`), so any test token
   * works; a malformed token, or a wrong secret for a known id, is
   * unauthorized like on Telegram.
   */
  resolve(token: string): BotRecord | undefined {
    const parsed = parseToken(token);
    if (!parsed) return undefined;
    const existing = this.#byId.get(parsed.id);
    if (existing) return existing.token === token ? existing : undefined;
    return this.#create(parsed.id, token, `bot${parsed.id}`, `Bot ${parsed.id}`);
  }

  get(id: number): BotRecord | undefined {
    return this.#byId.get(id);
  }

  all(): BotRecord[] {
    return [...this.#byId.values()];
  }

  #create(id: number, token: string, username: string, firstName: string): BotRecord {
    const bot = new BotRecord(id, token, username, firstName);
    this.#byId.set(id, bot);
    return bot;
  }
}
