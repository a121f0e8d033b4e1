import type { ConversationBuilder } from '@grammyjs/conversations';
import type { Context, Middleware } from 'grammy';
import type { AdminBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { ADJUST_CONVERSATION, createAdjustBalanceConversation } from './conversations/adjust-balance.ts';
import { BAN_CONVERSATION, createBanConversation } from './conversations/ban.ts';
import { BROADCAST_CONVERSATION, createBroadcastConversation } from './conversations/broadcast.ts';
import { createModelPriceConversation, MODEL_PRICE_CONVERSATION } from './conversations/model-price.ts';
import { createRefundConversation, REFUND_CONVERSATION } from './conversations/refund.ts';
import { createRejectPayoutConversation, REJECT_PAYOUT_CONVERSATION } from './conversations/reject-payout.ts';
import { createVpnDaysConversation, VPN_DAYS_CONVERSATION } from './conversations/vpn-days.ts';
import { aiModelsFeature } from './features/ai-models.ts';
import { aiStatsFeature } from './features/ai-stats.ts';
import { broadcastFeature } from './features/broadcast.ts';
import { findFeature } from './features/find.ts';
import { moneyFeature } from './features/money.ts';
import { partnersFeature } from './features/partners.ts';
import { paymentsFeature } from './features/payments.ts';
import { payoutRatesFeature } from './features/payout-rates.ts';
import { payoutsFeature } from './features/payouts.ts';
import { promoCodesFeature } from './features/promo-codes.ts';
import { statsFeature } from './features/stats.ts';
import { vpnFeature } from './features/vpn.ts';
import { vpnInvitesFeature } from './features/vpn-invites.ts';

/** A conversation's body (the plugin's own type: some take what they act on as arguments). */
type TConversationBuilder = ConversationBuilder<AdminBotContext, Context>;

/** The admin bot's conversations: one id each, entered by the features. A service adds its own here. */
export const ADMIN_CONVERSATIONS: readonly { id: string; build: (deps: BotDeps) => TConversationBuilder }[] =
  [
    { id: BAN_CONVERSATION, build: createBanConversation },
    { id: ADJUST_CONVERSATION, build: createAdjustBalanceConversation },
    { id: REFUND_CONVERSATION, build: createRefundConversation },
    { id: REJECT_PAYOUT_CONVERSATION, build: createRejectPayoutConversation },
    { id: BROADCAST_CONVERSATION, build: createBroadcastConversation },
    { id: MODEL_PRICE_CONVERSATION, build: createModelPriceConversation },
    { id: VPN_DAYS_CONVERSATION, build: createVpnDaysConversation },
  ];

/** The admin bot's features, each behind the staff gate and its own permission checks. A service adds one line. */
export const ADMIN_FEATURES: readonly ((deps: BotDeps) => Middleware<AdminBotContext>)[] = [
  findFeature,
  moneyFeature,
  paymentsFeature,
  promoCodesFeature,
  partnersFeature,
  payoutsFeature,
  payoutRatesFeature,
  broadcastFeature,
  (deps) => statsFeature(deps.db),
  aiModelsFeature,
  (deps) => aiStatsFeature(deps.db),
  vpnFeature,
  vpnInvitesFeature,
];
