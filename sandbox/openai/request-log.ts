// What a test asserts about traffic: which key was used, for which model, and what the model was
// given. Summaries are taken leniently, before validation, so refused requests are logged too.
import { z } from 'zod';
import { summarizeMessage, type TMessageSummary, ZChatMessageSchema } from './chat-messages.ts';
import type { TIncomingBody } from './incoming-body.ts';

export type TLoggedRequest = {
  at: number;
  method: string;
  path: string;
  /** The bearer token sent, valid or not; undefined without an Authorization header. */
  key: string | undefined;
  status: number;
  model?: string;
  stream?: boolean;
  messages?: TMessageSummary[];
  /** `prompt` of image, video and transcription requests. */
  prompt?: string;
  /** `input` of speech requests. */
  input?: string;
  /** Total bytes of the uploaded files of a multipart request. */
  fileBytes?: number;
};

const ZSummarySchema = z.object({
  model: z.string().optional().catch(undefined),
  stream: z
    .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
    .optional()
    .catch(undefined),
  messages: z.array(ZChatMessageSchema).optional().catch(undefined),
  prompt: z.string().optional().catch(undefined),
  input: z.string().optional().catch(undefined),
});

export function summarizeBody(body: TIncomingBody): Partial<TLoggedRequest> {
  const fields = body.kind === 'json' ? body.value : body.kind === 'form' ? body.fields : undefined;
  const parsed = ZSummarySchema.safeParse(fields);
  const summary: Partial<TLoggedRequest> = {};
  if (parsed.success) {
    const { model, stream, messages, prompt, input } = parsed.data;
    if (model !== undefined) summary.model = model;
    if (stream !== undefined) summary.stream = stream;
    if (messages !== undefined) summary.messages = messages.map(summarizeMessage);
    if (prompt !== undefined) summary.prompt = prompt;
    if (input !== undefined) summary.input = input;
  }
  if (body.kind === 'form') {
    summary.fileBytes = [...body.files.values()].flat().reduce((sum, file) => sum + file.bytes.length, 0);
  }
  return summary;
}
