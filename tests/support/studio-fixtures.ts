import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { touchUser } from '#core/accounts/touch-user.ts';
import type { PrismaClient, StoredFile } from '#core/db/generated/client.ts';
import type { TFileStore } from '#core/files/file-store.ts';
import { saveFile } from '#core/files/save-file.ts';
import { LEDGER_TX_OPTIONS } from '#core/ledger/spend-tokens.ts';
import { creditTokens } from '#core/ledger/token-grants.ts';
import { encodePng } from '#sandbox/openai/png-encoder.ts';
import { encodeWav, sineTone } from '#sandbox/openai/wav-audio.ts';
import { uniqueTelegramId } from './test-keys.ts';

// Video-task tests (core/video-tasks, the tasks routes) need users with tokens and uploads of each kind. The
// bytes are real files of their type (core/files checks the leading bytes): the stand-in's sample MP4,
// a generated WAV tone and PNG.

const SAMPLE_MP4 = readFileSync(new URL('../../sandbox/openai/fixtures/sample-video.mp4', import.meta.url));

export const sampleBytes = {
  video: () => SAMPLE_MP4,
  audio: () => encodeWav(sineTone({ frequency: 440, seconds: 0.2, sampleRate: 8000 })),
  image: () => encodePng(8, 8, Buffer.alloc(8 * 8 * 3, 0x80)),
  document: () => Buffer.from('notes for the video\n'),
} as const;

const MIME = {
  video: 'video/mp4',
  audio: 'audio/wav',
  image: 'image/png',
  document: 'text/plain',
} as const;

export type TSampleKind = keyof typeof MIME;

export async function newStudioUser(db: PrismaClient, opts: { tokens?: bigint; email?: string } = {}) {
  const { user } = await touchUser(db, { id: uniqueTelegramId(), firstName: 'Studio' });
  if (opts.email) await db.user.update({ where: { id: user.id }, data: { email: opts.email } });
  if (opts.tokens) await creditUser(db, user.id, opts.tokens);
  return user.id;
}

export const creditUser = (db: PrismaClient, userId: bigint, amount: bigint) =>
  db.$transaction(
    (tx) =>
      creditTokens(tx, {
        key: `studio-credit:${randomBytes(8).toString('hex')}`,
        userId,
        amount,
        source: 'purchase',
        expiresAt: null,
        type: 'topup',
        actor: { type: 'system' },
        reason: 'test',
      }),
    LEDGER_TX_OPTIONS,
  );

/** An upload as POST /api/files stores it: the user's file with the usual three-day expiry. */
export function uploadSample(
  deps: { db: PrismaClient; store: TFileStore },
  userId: bigint,
  kind: TSampleKind,
): Promise<StoredFile> {
  return saveFile(deps, {
    userId,
    kind,
    name: `sample.${kind}`,
    mimeType: MIME[kind],
    data: sampleBytes[kind](),
  });
}
