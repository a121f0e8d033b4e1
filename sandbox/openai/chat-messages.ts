// Chat messages as the Chat Completions API takes them, reduced to what the stand-in's replies and
// request log talk about: role, text, and how many images came along.
import { z } from 'zod';

const ZContentPartSchema = z.looseObject({ type: z.string(), text: z.string().optional() });

export const ZChatMessageSchema = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
  // Assistant messages that only call tools have null content.
  content: z.union([z.string(), z.array(ZContentPartSchema), z.null()]).optional(),
});

export type TChatMessage = z.infer<typeof ZChatMessageSchema>;
export type TMessageSummary = { role: TChatMessage['role']; text: string; images: number };

export function summarizeMessage(message: TChatMessage): TMessageSummary {
  const content = message.content ?? '';
  if (typeof content === 'string') return { role: message.role, text: content, images: 0 };
  return {
    role: message.role,
    // Text parts join with newlines, as a model reading the parts in order would see them.
    text: content
      .filter((part) => part.type === 'text')
      .map((part) => part.text ?? '')
      .join('\n'),
    images: content.filter((part) => part.type === 'image_url').length,
  };
}
