import { checkOutputKind } from '#core/ai/generation/output-kind.ts';
import type { TAiGateway } from '#core/ai/providers/ai-gateway.ts';
import { ProviderError } from '#core/ai/providers/provider-error.ts';
import type { TBinaryOutput } from '#core/ai/providers/provider-types.ts';
import type { AiRequestSource, Language, PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { runInstantRequest } from './instant-request.ts';
import { speechText } from './speech-text.ts';

export const TTS_MODEL = 'tts';

/**
 * Reads one of the model's replies aloud, charged at the TTS price (hold → capture on success, release on
 * failure). The reply must be an assistant message of one of the user's live dialogs: anything else is
 * NOT_FOUND, so a forged button cannot read out someone else's conversation.
 */
export async function speakDialogMessage(
  deps: { db: PrismaClient; ai: Pick<TAiGateway, 'speak' | 'serves'> },
  input: {
    userId: bigint;
    messageId: bigint;
    source: AiRequestSource;
    language: Language;
    chatId?: bigint;
    voice?: string;
  },
): Promise<{ audio: TBinaryOutput; truncated: boolean; charged: bigint }> {
  const message = await deps.db.dialogMessage.findFirst({
    where: { id: input.messageId, role: 'assistant', dialog: { userId: input.userId, deletedAt: null } },
  });
  if (!message) throw new AppError('NOT_FOUND', { messageId: input.messageId.toString() });
  const { text, truncated } = speechText(message.content);
  if (text.length === 0) throw new AppError('INVALID_INPUT', { reason: 'nothing_to_speak' });
  const outcome = await runInstantRequest(deps.db, {
    request: {
      userId: input.userId,
      kind: 'audio',
      modelId: TTS_MODEL,
      source: input.source,
      prompt: text,
      language: input.language,
      dialogId: message.dialogId,
      chatId: input.chatId,
    },
    served: deps.ai.serves(TTS_MODEL),
    run: async () => {
      const audio = await deps.ai.speak({ text, voice: input.voice });
      if (audio.bytes.length === 0) throw new AppError('PROVIDER_ERROR', { failure: 'empty_audio' });
      // Sent to the chat as a voice reply: anything but sound is the provider's failure, not charged.
      const check = checkOutputKind('audio', audio);
      if (!check.ok) throw new ProviderError('rejected', check.message);
      return { bytes: audio.bytes, mimeType: check.mimeType };
    },
    settle: async (_tx, { value }) => value,
  });
  return { audio: outcome.value, truncated, charged: outcome.charged };
}
