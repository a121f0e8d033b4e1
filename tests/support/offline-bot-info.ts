import type { UserFromGetMe } from 'grammy/types';

/** What getMe would answer, so a bot fed updates offline needs no Bot API (bot.init is skipped). */
export const OFFLINE_BOT_INFO: UserFromGetMe = {
  id: 7_000_000_001,
  is_bot: true,
  first_name: 'Polygram',
  username: 'polygram_offline_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

/** One outgoing Bot API call, as the bot made it. */
export interface TApiCall {
  method: string;
  payload: Record<string, unknown>;
}
