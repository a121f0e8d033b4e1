// POST /v1/chat/completions: `chat.completion` objects, or with `stream: true` server-sent events of
// `chat.completion.chunk` objects ended by `data: [DONE]`, as the OpenAI SDK's stream reader expects.
// The text comes from chat-reply.ts.
//
// Simplifications: the model never calls tools (`tools` is accepted, no `tool_calls` come back); `n`
// choices all carry the same text; JSON mode (`json_object`, `json_schema`) answers
// `{"echo":<last user text>,"model":…,"messages":<count>}` without honouring a schema; `logprobs`
// is always null. A stream fails half-way only when `control.cutNextStream` asks for it.
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { summarizeMessage, type TMessageSummary, ZChatMessageSchema } from './chat-messages.ts';
import { composeChatReply, estimateTokens, promptTokens } from './chat-reply.ts';
import { bodyFields, type TIncomingBody } from './incoming-body.ts';
import { modelNotFound, openAiError, type TOpenAiReply, validationError } from './openai-errors.ts';

export type TStreamSettings = { chunkChars: number; delayMs: number };

export type TChatContext = {
  knownModel(model: string): boolean;
  streamSettings(): TStreamSettings;
  /** Aborted when the stand-in closes, so a slow stream does not hold close() up. */
  closing: AbortSignal;
  /** How many events the next stream sends before the connection drops, if a cut was asked for. */
  takeStreamCut(): number | undefined;
};

const ZChatRequestSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(ZChatMessageSchema).min(1),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullish(),
  n: z.number().int().min(1).max(8).nullish(),
  max_tokens: z.number().int().positive().nullish(),
  max_completion_tokens: z.number().int().positive().nullish(),
  response_format: z.looseObject({ type: z.enum(['text', 'json_object', 'json_schema']) }).nullish(),
});
type TChatRequest = z.infer<typeof ZChatRequestSchema>;

type TCompletion = {
  id: string;
  created: number;
  model: string;
  choices: number;
  content: string;
  finishReason: 'stop' | 'length';
  usage: ReturnType<typeof usageJson>;
};

export async function createChatCompletion(
  ctx: TChatContext,
  body: TIncomingBody,
  res: ServerResponse,
): Promise<TOpenAiReply> {
  const fields = bodyFields(body);
  const parsed = ZChatRequestSchema.safeParse(fields);
  if (!parsed.success) return validationError(parsed.error, fields);
  const request = parsed.data;
  if (!ctx.knownModel(request.model)) return modelNotFound(request.model);
  if (request.stream_options && !request.stream) {
    return openAiError(400, "The 'stream_options' parameter is only allowed when 'stream' is enabled.", {
      param: 'stream_options',
      code: 'invalid_value',
    });
  }
  const completion = complete(request, request.messages.map(summarizeMessage));
  if (!request.stream) return { kind: 'json', status: 200, body: completionJson(completion) };
  await streamCompletion(ctx, res, completion, request.stream_options?.include_usage === true);
  return { kind: 'sent', status: 200 };
}

function complete(request: TChatRequest, messages: TMessageSummary[]): TCompletion {
  let content = composeChatReply(request.model, messages);
  const format = request.response_format?.type;
  if (format === 'json_object' || format === 'json_schema') {
    // JSON mode promises parseable JSON; the echo goes in as fields (a schema itself is not honoured).
    const lastUser = messages.findLast((m) => m.role === 'user')?.text ?? '';
    content = JSON.stringify({ echo: lastUser, model: request.model, messages: messages.length });
  }
  let finishReason: TCompletion['finishReason'] = 'stop';
  const limit = request.max_completion_tokens ?? request.max_tokens;
  if (limit != null && estimateTokens(content) > limit) {
    content = content.slice(0, limit * 4);
    finishReason = 'length';
  }
  const choices = request.n ?? 1;
  return {
    id: `chatcmpl-${randomBytes(12).toString('base64url')}`,
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    choices,
    content,
    finishReason,
    usage: usageJson(promptTokens(messages), estimateTokens(content) * choices),
  };
}

function completionJson(c: TCompletion) {
  return {
    id: c.id,
    object: 'chat.completion',
    created: c.created,
    model: c.model,
    choices: Array.from({ length: c.choices }, (_, index) => ({
      index,
      message: { role: 'assistant', content: c.content, refusal: null, annotations: [] },
      logprobs: null,
      finish_reason: c.finishReason,
    })),
    usage: c.usage,
    service_tier: 'default',
    system_fingerprint: 'fp_stand_in',
  };
}

async function streamCompletion(
  ctx: TChatContext,
  res: ServerResponse,
  c: TCompletion,
  includeUsage: boolean,
): Promise<void> {
  const { chunkChars, delayMs } = ctx.streamSettings();
  const cutAfter = ctx.takeStreamCut();
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  const chunk = (choices: unknown[], usage?: unknown) => ({
    id: c.id,
    object: 'chat.completion.chunk',
    created: c.created,
    model: c.model,
    service_tier: 'default',
    system_fingerprint: 'fp_stand_in',
    choices,
    // With include_usage every chunk carries `usage: null` and one last chunk carries the numbers.
    ...(includeUsage && { usage: usage ?? null }),
  });
  const deltas = (delta: Record<string, unknown>, finishReason: string | null = null) =>
    Array.from({ length: c.choices }, (_, index) => ({
      index,
      delta,
      logprobs: null,
      finish_reason: finishReason,
    }));
  const events: unknown[] = [chunk(deltas({ role: 'assistant', content: '', refusal: null }))];
  for (let at = 0; at < c.content.length; at += chunkChars) {
    events.push(chunk(deltas({ content: c.content.slice(at, at + chunkChars) })));
  }
  events.push(chunk(deltas({}, c.finishReason)));
  if (includeUsage) events.push(chunk([], c.usage));

  for (const [i, event] of events.entries()) {
    // A client that hung up (or a closing stand-in) ends the stream, as it would end generation.
    if (res.destroyed || ctx.closing.aborted) return;
    if (i === cutAfter) {
      // A dropped connection mid-answer, without [DONE]: what a client sees when a proxy or the provider fails.
      res.destroy();
      return;
    }
    if (i > 0 && delayMs > 0) {
      try {
        await sleep(delayMs, undefined, { signal: ctx.closing });
      } catch {
        res.destroy(); // close() aborted the wait: the stand-in is shutting down.
        return;
      }
    }
    // Waiting for each write to leave makes a cut land after the events before it, not on top of them.
    await new Promise<void>((resolve) => res.write(`data: ${JSON.stringify(event)}\n\n`, () => resolve()));
  }
  res.end('data: [DONE]\n\n');
}

function usageJson(prompt: number, completion: number) {
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}
