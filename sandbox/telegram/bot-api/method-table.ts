import { botProfileMethods } from '#sandbox/telegram/methods/bot-profile.ts';
import { callbackQueryMethods } from '#sandbox/telegram/methods/callback-queries.ts';
import { chatMethods } from '#sandbox/telegram/methods/chats.ts';
import { editMessageMethods } from '#sandbox/telegram/methods/edit-messages.ts';
import { fileMethods } from '#sandbox/telegram/methods/files.ts';
import { forwardCopyMethods } from '#sandbox/telegram/methods/forward-copy.ts';
import { paymentMethods } from '#sandbox/telegram/methods/payments.ts';
import { sendMediaMethods } from '#sandbox/telegram/methods/send-media.ts';
import { sendMessageMethods } from '#sandbox/telegram/methods/send-message.ts';
import { updateMethods } from '#sandbox/telegram/methods/updates.ts';
import type { MethodSpec, MethodTable } from './define-method.ts';

/** Every implemented Bot API method. To add one, add it to a `methods/*.ts` table listed here. */
export const BOT_API_METHODS: MethodTable = {
  ...botProfileMethods,
  ...updateMethods,
  ...sendMessageMethods,
  ...sendMediaMethods,
  ...forwardCopyMethods,
  ...editMessageMethods,
  ...callbackQueryMethods,
  ...chatMethods,
  ...fileMethods,
  ...paymentMethods,
};

/** "All methods in the Bot API are case-insensitive." */
const BY_LOWERCASE_NAME = new Map<string, { name: string; spec: MethodSpec }>(
  Object.entries(BOT_API_METHODS).map(([name, spec]) => [name.toLowerCase(), { name, spec }]),
);

export function findMethod(name: string): { name: string; spec: MethodSpec } | undefined {
  return BY_LOWERCASE_NAME.get(name.toLowerCase());
}
