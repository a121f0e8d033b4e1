import type { TChatMessage } from '#core/ai/providers/provider-types.ts';

export interface THistoryBudget {
  maxMessages: number;
  /** Characters of message text, a stand-in for the model's token window that needs no tokenizer. */
  maxChars: number;
}

/**
 * 20 messages (ten exchanges) and ~24k characters (~6k tokens of English, fewer of Russian) keep a request
 * well inside the smallest context window of the text models we sell and keep the prompt cost predictable.
 */
export const HISTORY_BUDGET: THistoryBudget = { maxMessages: 20, maxChars: 24_000 };

export type THistoryMessage = { role: 'user' | 'assistant'; content: string };

/**
 * The newest previous messages that fit the budget, oldest first: the oldest are dropped first. The window
 * never starts with the assistant's half of an exchange, since some providers (Anthropic's) require the
 * conversation to open with the user.
 */
export function selectHistory(
  history: readonly THistoryMessage[],
  budget: THistoryBudget = HISTORY_BUDGET,
): THistoryMessage[] {
  const kept: THistoryMessage[] = [];
  let chars = 0;
  for (let i = history.length - 1; i >= 0 && kept.length < budget.maxMessages; i--) {
    const message = history[i];
    if (!message) continue;
    if (chars + message.content.length > budget.maxChars) break;
    chars += message.content.length;
    kept.push(message);
  }
  kept.reverse();
  while (kept[0]?.role === 'assistant') kept.shift();
  return kept;
}

/**
 * What the model receives: the system prompt, then (history on) the previous messages that fit, then the
 * new message. History off sends the system prompt and the new message only.
 */
export function buildChatMessages(input: {
  systemPrompt: string | null;
  history: readonly THistoryMessage[];
  historyEnabled: boolean;
  text: string;
  budget?: THistoryBudget;
}): TChatMessage[] {
  const messages: TChatMessage[] = [];
  if (input.systemPrompt) messages.push({ role: 'system', content: input.systemPrompt });
  if (input.historyEnabled) messages.push(...selectHistory(input.history, input.budget));
  messages.push({ role: 'user', content: input.text });
  return messages;
}
