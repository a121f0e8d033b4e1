import type { ChatMessage } from '../../../telegram/types.ts';
import type { TEmulatorEvent } from '../../contract/host-api.ts';
import { eventChatKey } from './chat-ref.ts';

/** Telegram shows a chat action "for 5 seconds or less (when a message arrives from your bot)". */
export const CHAT_ACTION_MS = 5_000;

export interface TChatState {
  /** Messages in id order, deleted ones removed. */
  messages: ChatMessage[];
  /** Bot messages that arrived while another chat was on screen. */
  unread: number;
  /** The bot's current chat action (sendChatAction) and when it stops showing. */
  action?: { name: string; until: number };
  /** Invoice messages paid while this page was open (the Bot API's messages do not say so). */
  paidInvoiceIds: number[];
}

export type TChats = Record<string, TChatState>;

export type TChatsAction =
  | { type: 'reset' }
  | { type: 'loaded'; key: string; messages: ChatMessage[] }
  | { type: 'opened'; key: string }
  | { type: 'event'; event: TEmulatorEvent; openKey: string | undefined; now: number }
  | { type: 'tick'; now: number };

function upsert(messages: ChatMessage[], message: ChatMessage): ChatMessage[] {
  const rest = messages.filter((candidate) => candidate.message_id !== message.message_id);
  return [...rest, message].sort((a, b) => a.message_id - b.message_id);
}

function applyEvent(chat: TChatState, event: TEmulatorEvent, isOpen: boolean, now: number): TChatState {
  switch (event.type) {
    case 'message_added':
    case 'message_edited': {
      const fromBot = event.message.sender === 'bot';
      const fresh = event.type === 'message_added' && fromBot && !isOpen;
      return {
        ...chat,
        messages: upsert(chat.messages, event.message),
        unread: chat.unread + (fresh ? 1 : 0),
        ...(fromBot && event.type === 'message_added' ? { action: undefined } : {}),
      };
    }
    case 'message_deleted':
      return {
        ...chat,
        messages: chat.messages.filter((message) => message.message_id !== event.message_id),
      };
    case 'chat_action':
      return { ...chat, action: { name: event.action, until: now + CHAT_ACTION_MS } };
    case 'invoice_payment':
      if (event.status !== 'paid' || event.invoice_message_id === undefined) return chat;
      return { ...chat, paidInvoiceIds: [...chat.paidInvoiceIds, event.invoice_message_id] };
    default:
      return chat;
  }
}

/**
 * The chats of the current user: loaded from the host, then kept live by the Bot API's events. Events of
 * chats not loaded yet are dropped; loading reads the whole chat anyway.
 */
export function chatsReducer(state: TChats, action: TChatsAction): TChats {
  switch (action.type) {
    case 'reset':
      return {};
    case 'loaded': {
      const previous = state[action.key];
      return {
        ...state,
        [action.key]: {
          messages: [...action.messages].sort((a, b) => a.message_id - b.message_id),
          unread: previous?.unread ?? 0,
          paidInvoiceIds: previous?.paidInvoiceIds ?? [],
          ...(previous?.action ? { action: previous.action } : {}),
        },
      };
    }
    case 'opened': {
      const chat = state[action.key];
      return chat && chat.unread > 0 ? { ...state, [action.key]: { ...chat, unread: 0 } } : state;
    }
    case 'event': {
      const key = eventChatKey(action.event);
      const chat = key === undefined ? undefined : state[key];
      if (key === undefined || !chat) return state;
      return { ...state, [key]: applyEvent(chat, action.event, key === action.openKey, action.now) };
    }
    case 'tick': {
      let changed = false;
      const next: TChats = {};
      for (const [key, chat] of Object.entries(state)) {
        const expired = chat.action !== undefined && chat.action.until <= action.now;
        changed ||= expired;
        next[key] = expired ? { ...chat, action: undefined } : chat;
      }
      return changed ? next : state;
    }
  }
}
