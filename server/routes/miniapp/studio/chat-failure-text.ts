import { isContentRefusal } from '#core/ai/chat/instant-request.ts';
import { findCatalogModel, MODEL_CATALOG } from '#core/ai/model-catalog.ts';
import { isAppError } from '#core/errors/app-error.ts';
import type { TLang, Translator } from '#core/i18n/translator.ts';
import { formatTokens } from '#core/money/format-money.ts';
import type { TChatFailure } from '#server/contracts/studio.ts';
import { modelNameOf } from './studio-views.ts';

const FREE_MODEL = MODEL_CATALOG.find((m) => m.freeForSubscribers);

/**
 * The `failure` event of a chat stream. Whatever went wrong, the hold was released (runChatTurn), so every
 * message says that nothing was charged; refusals also say what to do.
 */
export function chatFailure(translator: Translator, lang: TLang, error: unknown): TChatFailure {
  const t = (key: string, args?: Record<string, string | number>) => translator.t(lang, key, args);
  if (isAppError(error, 'INSUFFICIENT_FUNDS')) {
    const model = String(error.details.model ?? '');
    const lines = [
      t('miniapp-studio-chat-insufficient', {
        model: modelNameOf(model),
        price: formatTokens(BigInt(String(error.details.price ?? '0')), lang),
        balance: formatTokens(BigInt(String(error.details.available ?? '0')), lang),
      }),
    ];
    const text = findCatalogModel(model)?.kind === 'text';
    if (Number(error.details.subscriber) === 1 && FREE_MODEL && text && model !== FREE_MODEL.id)
      lines.push(t('miniapp-studio-chat-insufficient-subscriber', { free: FREE_MODEL.displayName }));
    return { code: error.code, message: lines.join(' ') };
  }
  if (isAppError(error, 'MODEL_UNAVAILABLE'))
    return {
      code: error.code,
      message: t('miniapp-studio-chat-model-unavailable', {
        model: modelNameOf(String(error.details.modelId ?? '')),
      }),
    };
  if (isAppError(error, 'INVALID_INPUT') && error.details.reason === 'message_too_long')
    return {
      code: error.code,
      message: t('miniapp-studio-chat-too-long', { max: Number(error.details.max) }),
    };
  if (isAppError(error, 'NOT_FOUND'))
    return { code: error.code, message: t('miniapp-studio-chat-dialog-gone') };
  if (isContentRefusal(error)) return { code: error.code, message: t('miniapp-studio-chat-content-refused') };
  return { code: isAppError(error) ? error.code : 'INTERNAL', message: t('miniapp-studio-chat-failed') };
}
