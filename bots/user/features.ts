import type { ConversationBuilder } from '@grammyjs/conversations';
import type { Context, Middleware } from 'grammy';
import type { UserBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { createDialogTextConversation, DIALOG_TEXT_CONVERSATION } from './chat/dialog-text-conversation.ts';
import { ADD_EMAIL_CONVERSATION, createAddEmailConversation } from './conversations/add-email.ts';
import { createPayoutConversation, PAYOUT_CONVERSATION } from './conversations/payout-request.ts';
import { createSignupConversation, SIGNUP_CONVERSATION } from './conversations/signup.ts';
import { createSupportConversation, SUPPORT_CONVERSATION } from './conversations/support-request.ts';
import { buyFeature } from './features/buy.ts';
import { chatFeature } from './features/chat.ts';
import { dialogsFeature } from './features/dialogs.ts';
import { generateFeature } from './features/generate.ts';
import { helpFeature } from './features/help.ts';
import { historyFeature } from './features/history.ts';
import { languageFeature } from './features/language.ts';
import { otherMessagesFeature } from './features/other-messages.ts';
import { partnerFeature } from './features/partner.ts';
import { payoutsFeature } from './features/payouts.ts';
import { photoToolsFeature } from './features/photo-tools.ts';
import { profileFeature } from './features/profile.ts';
import { promoFeature } from './features/promo.ts';
import { referralFeature } from './features/referral.ts';
import { startFeature } from './features/start.ts';
import { supportFeature } from './features/support.ts';
import { tasksFeature } from './features/tasks.ts';
import { vpnFeature } from './features/vpn.ts';
import { vpnInvitesFeature } from './features/vpn-invites.ts';
import { walletFeature } from './features/wallet.ts';
import { walletPayFeature } from './features/wallet-pay.ts';

/** A conversation's body (the plugin's own type: some take what they act on as arguments). */
type TConversationBuilder = ConversationBuilder<UserBotContext, Context>;

/** The user bot's conversations: one id each, entered by the features. A service adds its own here. */
export const USER_CONVERSATIONS: readonly { id: string; build: (deps: BotDeps) => TConversationBuilder }[] = [
  { id: SIGNUP_CONVERSATION, build: createSignupConversation },
  { id: ADD_EMAIL_CONVERSATION, build: createAddEmailConversation },
  { id: SUPPORT_CONVERSATION, build: createSupportConversation },
  { id: DIALOG_TEXT_CONVERSATION, build: createDialogTextConversation },
  { id: PAYOUT_CONVERSATION, build: createPayoutConversation },
];

/**
 * The user bot's features, in the order an update tries them (bots/user/bot.ts installs them after the
 * shared middlewares and the conversations). A service adds one line.
 */
export const USER_FEATURES: readonly ((deps: BotDeps) => Middleware<UserBotContext>)[] = [
  vpnInvitesFeature, // before start: `/start inv_<code>` redeems the invite, then start goes on
  startFeature,
  () => helpFeature,
  () => profileFeature,
  languageFeature,
  supportFeature,
  (deps) => walletFeature(deps.db),
  buyFeature,
  walletPayFeature,
  (deps) => historyFeature(deps.db),
  (deps) => referralFeature(deps.db),
  promoFeature,
  partnerFeature,
  vpnFeature,
  () => payoutsFeature,
  // Photo tools before any text handler: the answer to "describe the new background" is a plain text.
  photoToolsFeature,
  generateFeature,
  tasksFeature,
  dialogsFeature,
  // Any private text that no command or conversation took is a message to the AI.
  chatFeature,
  // Last: every other kind of message that nothing above took gets an answer.
  otherMessagesFeature,
];
