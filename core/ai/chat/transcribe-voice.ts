import type { TAiGateway } from '#core/ai/providers/ai-gateway.ts';
import type { AiRequestSource, Language, PrismaClient } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import { runInstantRequest } from './instant-request.ts';

export const WHISPER_MODEL = 'whisper';

/** Whisper's upload limit. */
export const VOICE_MAX_BYTES = 25 * 1024 * 1024;

/**
 * A voice message to text through Whisper, charged at Whisper's live price by the same hold → capture /
 * release path as chat (Whisper is not a text model, so an unlimited day does not cover it). An empty
 * transcript is a failure: nothing usable was delivered, so nothing is charged (`TRANSCRIPT_EMPTY`).
 */
export async function transcribeVoice(
  deps: { db: PrismaClient; ai: Pick<TAiGateway, 'transcribe' | 'serves'> },
  input: {
    userId: bigint;
    audio: Buffer;
    fileName: string;
    source: AiRequestSource;
    language: Language;
    chatId?: bigint;
  },
): Promise<{ text: string; requestId: bigint; charged: bigint }> {
  if (input.audio.length === 0) throw new AppError('INVALID_INPUT', { reason: 'audio_empty' });
  if (input.audio.length > VOICE_MAX_BYTES)
    throw new AppError('FILE_TOO_LARGE', { limitMb: VOICE_MAX_BYTES / 1024 / 1024 });
  const outcome = await runInstantRequest(deps.db, {
    request: {
      userId: input.userId,
      kind: 'audio',
      modelId: WHISPER_MODEL,
      source: input.source,
      prompt: input.fileName,
      language: input.language,
      chatId: input.chatId,
    },
    served: deps.ai.serves(WHISPER_MODEL),
    run: async () => {
      const text = (
        await deps.ai.transcribe({ audio: input.audio, fileName: input.fileName, language: input.language })
      ).trim();
      if (text.length === 0) throw new AppError('TRANSCRIPT_EMPTY');
      return text;
    },
    settle: async (_tx, { value }) => value,
    resultText: (text) => text,
  });
  return { text: outcome.value, requestId: outcome.requestId, charged: outcome.charged };
}
