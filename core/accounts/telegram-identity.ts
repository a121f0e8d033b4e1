/** What every entry point (bot update, Mini App initData) knows about a Telegram user. */
export interface TTelegramIdentity {
  id: bigint;
  firstName: string;
  lastName?: string | null;
  username?: string | null;
  languageCode?: string | null;
}
