import { InlineKeyboard } from 'grammy';
import { BUY_ROOT } from '#bots/user/buy-callbacks.ts';
import { addWayInButtons, wayInLines } from '#bots/user/way-in-view.ts';
import { isContentRefusal } from '#core/ai/chat/instant-request.ts';
import type { TWayIn } from '#core/ai/cheapest-way-in.ts';
import { findCatalogModel, MODEL_CATALOG } from '#core/ai/model-catalog.ts';
import { isAppError } from '#core/errors/app-error.ts';
import type { TLang } from '#core/i18n/translator.ts';
import { formatTokens } from '#core/money/format-money.ts';
import { CHAT_USE_FREE_MODEL } from './chat-callbacks.ts';
import { modelName, type TTr } from './dialog-views.ts';

const FREE_MODEL = MODEL_CATALOG.find((m) => m.freeForSubscribers);

/** A refusal the user can act on: shown as a new message with buttons rather than as a failed reply. */
export const isRefusal = (error: unknown) =>
  isAppError(error, 'INSUFFICIENT_FUNDS') ||
  isAppError(error, 'MODEL_UNAVAILABLE') ||
  isAppError(error, 'INVALID_INPUT');

/**
 * What the user reads when a chat request did not go through. Every failure after the request was
 * accepted released its hold, so the message says nothing was charged.
 */
export function chatFailureView(
  tr: TTr,
  lang: TLang,
  error: unknown,
  /** What an unexpected failure says (the chat reply's message unless told otherwise). */
  fallbackKey = 'chat-failed',
  /** For a shortfall: the cheapest plan and pack and a free code (core/ai/cheapest-way-in.ts). */
  wayIn?: TWayIn,
): { text: string; keyboard?: InlineKeyboard } {
  if (isAppError(error, 'INSUFFICIENT_FUNDS')) {
    const model = String(error.details.model ?? '');
    const lines = [
      tr('chat-insufficient', {
        model: modelName(model),
        price: formatTokens(BigInt(String(error.details.price ?? '0')), lang),
        balance: formatTokens(BigInt(String(error.details.available ?? '0')), lang),
      }),
    ];
    const keyboard = wayIn
      ? addWayInButtons(new InlineKeyboard(), tr, lang, wayIn)
      : new InlineKeyboard().text(tr('chat-buy-button'), BUY_ROOT);
    // The free model only helps with text: a refused transcription or speech gets no such hint.
    const text = findCatalogModel(model)?.kind === 'text';
    if (Number(error.details.subscriber) === 1 && FREE_MODEL && text && model !== FREE_MODEL.id) {
      lines.push(tr('chat-insufficient-subscriber', { free: FREE_MODEL.displayName }));
      keyboard.row().text(tr('chat-use-free-button', { free: FREE_MODEL.displayName }), CHAT_USE_FREE_MODEL);
    }
    if (wayIn) lines.push(wayInLines(tr, lang, wayIn).join('\n'));
    return { text: lines.join('\n\n'), keyboard };
  }
  if (isAppError(error, 'MODEL_UNAVAILABLE'))
    return { text: tr('chat-model-unavailable', { model: modelName(String(error.details.modelId ?? '')) }) };
  if (isAppError(error, 'INVALID_INPUT') && error.details.reason === 'message_too_long')
    return { text: tr('chat-too-long', { max: Number(error.details.max) }) };
  if (isAppError(error, 'TRANSCRIPT_EMPTY')) return { text: tr('chat-voice-empty') };
  if (isAppError(error, 'FILE_TOO_LARGE')) return { text: tr('chat-voice-too-big') };
  if (isAppError(error, 'NOT_FOUND')) return { text: tr('chat-reply-gone') };
  // Only when the provider said so: any other provider failure is the model's, worded by `fallbackKey`.
  if (isContentRefusal(error)) return { text: tr('chat-failed-content-refused') };
  return { text: tr(fallbackKey) };
}
