import { isProviderError } from '#core/ai/providers/provider-error.ts';
import type {
  AiKind,
  AiRequest,
  AiRequestSource,
  Language,
  Prisma,
  PrismaClient,
} from '#core/db/generated/client.ts';
import { isAppError } from '#core/errors/app-error.ts';
import type { TCharge } from './request-charge.ts';

/**
 * The `ai_requests` rows of the requests that run in the app process while the user waits (chat replies,
 * transcriptions, speech), as opposed to the queued generation jobs. Usage pages and AI stats read them.
 */
export interface TInstantRequest {
  userId: bigint;
  kind: AiKind;
  modelId: string;
  source: AiRequestSource;
  prompt: string;
  language: Language;
  dialogId?: bigint;
  chatId?: bigint;
  now?: Date;
}

const PROMPT_LOG_CHARS = 4_000;

export function startInstantRequest(
  db: PrismaClient,
  input: TInstantRequest & { charge: TCharge },
): Promise<AiRequest> {
  const now = input.now ?? new Date();
  return db.aiRequest.create({
    data: {
      userId: input.userId,
      kind: input.kind,
      modelId: input.modelId,
      source: input.source,
      status: 'running',
      prompt: input.prompt.slice(0, PROMPT_LOG_CHARS),
      params: { charge: input.charge.mode },
      price: input.charge.price,
      holdKey: input.charge.holdKey,
      dialogId: input.dialogId ?? null,
      chatId: input.chatId ?? null,
      language: input.language,
      startedAt: now,
      createdAt: now,
    },
  });
}

/** A refusal (no tokens, model off) is a request too: stats count how often users hit it. */
export function recordRefusedRequest(
  db: PrismaClient,
  input: TInstantRequest & { price: bigint; errorCode: string },
): Promise<AiRequest> {
  const now = input.now ?? new Date();
  return db.aiRequest.create({
    data: {
      userId: input.userId,
      kind: input.kind,
      modelId: input.modelId,
      source: input.source,
      status: 'failed',
      prompt: input.prompt.slice(0, PROMPT_LOG_CHARS),
      price: input.price,
      dialogId: input.dialogId ?? null,
      chatId: input.chatId ?? null,
      language: input.language,
      errorCode: input.errorCode,
      createdAt: now,
      finishedAt: now,
    },
  });
}

export function completeInstantRequest(
  db: Prisma.TransactionClient,
  requestId: bigint,
  input: { charged: bigint; resultText?: string },
) {
  return db.aiRequest.update({
    where: { id: requestId },
    data: {
      status: 'succeeded',
      charged: input.charged,
      progress: 100,
      resultText: input.resultText ?? null,
      finishedAt: new Date(),
    },
  });
}

/**
 * `provider_<failure>` for provider failures, the AppError code, or `internal`. The two final provider
 * failures take the generation jobs' codes, so /aistats counts each once: `content_refused` (the provider
 * said its content rules refused it) and `provider_failed` (the request as sent was rejected).
 */
export function errorCodeOf(error: unknown): string {
  if (isProviderError(error)) {
    if (error.failure === 'content_refused') return 'content_refused';
    return error.failure === 'rejected' ? 'provider_failed' : `provider_${error.failure}`;
  }
  if (isAppError(error)) return error.code;
  if (error instanceof Error && error.name === 'AbortError') return 'aborted';
  if (error instanceof Error && error.name === 'TimeoutError') return 'timeout';
  return 'internal';
}

/** `charged` is zero unless the tokens were already captured when a later step failed. */
export function failInstantRequest(db: PrismaClient, requestId: bigint, error: unknown, charged = 0n) {
  const message = error instanceof Error ? error.message : String(error);
  return db.aiRequest.update({
    where: { id: requestId },
    data: {
      status: 'failed',
      charged,
      errorCode: errorCodeOf(error),
      errorMessage: message.slice(0, 1_000),
      finishedAt: new Date(),
    },
  });
}
