import type { BotCommand, MenuButton, User, UserFromGetMe } from 'grammy/types';
import type { BotInfo, RecordedCall, WebhookDelivery } from '#sandbox/telegram/types.ts';
import { UpdateQueue } from './update-queue.ts';

export interface WebhookConfig {
  url: string;
  secretToken?: string;
  maxConnections: number;
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

/** Recorded calls and webhook deliveries kept per bot; older ones are dropped so long benchmarks stay bounded. */
const MAX_RECORDED_CALLS = 5_000;
const MAX_RECORDED_DELIVERIES = 1_000;

/** Everything the server knows about one bot account. */
export class BotRecord {
  readonly updates = new UpdateQueue();
  readonly calls: RecordedCall[] = [];
  /** Every webhook POST and its outcome, oldest first. */
  readonly webhookDeliveries: WebhookDelivery[] = [];
  /** setMyCommands lists keyed by scope + language (see commandKey). */
  readonly commands = new Map<string, BotCommand[]>();
  /** Chat-specific menu buttons; key "default" holds the bot-wide one. */
  readonly menuButtons = new Map<string, MenuButton>();
  /** setMyDescription / setMyShortDescription / setMyName texts keyed by language code ("" = default). */
  readonly descriptions = new Map<string, string>();
  readonly shortDescriptions = new Map<string, string>();
  readonly names = new Map<string, string>();
  /** Users who blocked the bot (control API). */
  readonly blockedBy = new Set<number>();
  webhook: WebhookConfig | undefined;

  constructor(
    readonly id: number,
    readonly token: string,
    public username: string,
    public firstName: string,
  ) {}

  get user(): User {
    return { id: this.id, is_bot: true, first_name: this.firstName, username: this.username };
  }

  get info(): BotInfo {
    return { id: this.id, token: this.token, username: this.username, first_name: this.firstName };
  }

  /** getMe: a bot as created by BotFather with default settings (privacy mode on, no inline mode). */
  get me(): UserFromGetMe {
    return {
      id: this.id,
      is_bot: true,
      first_name: this.firstName,
      username: this.username,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
    };
  }

  recordCall(call: RecordedCall): void {
    this.calls.push(call);
    if (this.calls.length > MAX_RECORDED_CALLS) this.calls.splice(0, this.calls.length - MAX_RECORDED_CALLS);
  }

  recordDelivery(delivery: WebhookDelivery): void {
    this.webhookDeliveries.push(delivery);
    const excess = this.webhookDeliveries.length - MAX_RECORDED_DELIVERIES;
    if (excess > 0) this.webhookDeliveries.splice(0, excess);
  }
}
