import { z } from 'zod';
import { callbackCodec } from '#bots/shared/callback-data.ts';

const id = z
  .string()
  .regex(/^\d{1,19}$/)
  .transform(BigInt);

/** `/dialogs`: the list. */
export const DIALOG_LIST = 'v1:dlgs';
/** A new dialog, made active. */
export const DIALOG_NEW = 'v1:dlg-new';
/** After "not enough tokens": a subscriber moves the active dialog to the model they keep for free. */
export const CHAT_USE_FREE_MODEL = 'v1:chat-free';

export const DIALOG_ACTIONS = [
  'open',
  'use',
  'models',
  'prompt',
  'prompt-clear',
  'rename',
  'delete',
  'delete-ok',
] as const;
export type TDialogAction = (typeof DIALOG_ACTIONS)[number];

/** One dialog's card and what its buttons do. */
export const dialogAction = callbackCodec('dlg', ['op', 'id'], z.object({ op: z.enum(DIALOG_ACTIONS), id }));

export const dialogModel = callbackCodec(
  'dlg-m',
  ['id', 'model'],
  z.object({ id, model: z.string().regex(/^[a-z0-9.-]{1,40}$/) }),
);

/** Carries the wanted state, not "toggle": a double tap leaves history as the user last saw it asked. */
export const dialogHistory = callbackCodec(
  'dlg-h',
  ['id', 'on'],
  z.object({ id, on: z.enum(['1', '0']).transform((v) => v === '1') }),
);

/** 🔊 under a reply: the dialog message to read aloud. */
export const speakReply = callbackCodec('tts', ['id'], z.object({ id }));
