import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { MODEL_CATALOG, type TCatalogModel } from '#core/ai/model-catalog.ts';
import type { AiKind } from '#core/db/generated/client.ts';
import { LEDGER_TX_OPTIONS } from '#core/ledger/spend-tokens.ts';
import { creditTokens } from '#core/ledger/token-grants.ts';
import { uniqueUserId } from '#tests/e2e/ids.ts';
import { signUp } from '#tests/e2e/signup-helper.ts';
import type { EmulatorPage } from './emulator-page.ts';
import { type JourneyWorld, startJourneyWorld } from './journey-world.ts';

// Every model of the catalog asked once, from the chat emulator in Chromium, through the same stand-ins and
// routes `npm run sandbox` configures: each answer must be of the kind the model makes (text for chat models,
// a picture that loads, a video and music that play with a real duration, an SVG file), so a model that only
// looks like it works in the sandbox fails. Three test files share the walk, each with a stack of its own (one
// file would outlast a test file's time limit on a loaded machine): every-chat-model-journey (text and audio
// models), every-picture-model-journey (images, photo tools) and every-video-model-journey.

/** Which catalog kinds each journey walks; together they must be every kind the catalog has. */
export const WALKS: Record<'chat' | 'pictures' | 'videos', readonly AiKind[]> = {
  chat: ['text', 'audio'],
  pictures: ['image', 'tool'],
  videos: ['video'],
};

export const MEDIA_MS = 60_000;

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A model's price button, "Kling · 38,000" ("✓ …" when chosen already): the name, whatever the price. */
export const modelButton = (model: TCatalogModel) =>
  new RegExp(`^(✓ )?${escapeRegExp(model.displayName)} · `);

/**
 * A pause before the next model, as a person reading the answer would take: the bot slows down a flood of
 * taps and messages (20 updates in 10 s, then a "too fast" toast and nothing done), and a walk is several
 * actions per model.
 */
export const atPersonsPace = () => sleep(2_500);

type TMediaTestId = 'media-photo' | 'media-video' | 'media-audio' | 'media-voice' | 'media-document';

export interface TModelWalk {
  world: JourneyWorld;
  emu: EmulatorPage;
  /** A temporary folder for files the person sends. */
  files: string;
  userId: number;
  /** Catalog ids whose request succeeded and was charged. */
  asked: Set<string>;
  stop(): Promise<void>;
}

/** A journey world with one premium subscriber (500 generations an hour) funded for every price, chat open. */
export async function startModelWalk(name: string): Promise<TModelWalk> {
  const world = await startJourneyWorld({ name });
  const { stack } = world;
  const userId = uniqueUserId();
  await signUp(stack, {
    id: userId,
    firstName: 'Iris',
    username: `iris_${name.replace(/-/g, '_')}`,
    language: 'en',
  });
  await stack.db.entitlement.create({
    data: {
      userId: BigInt(userId),
      kind: 'ai_subscription',
      tier: 'premium',
      productId: name,
      startsAt: new Date(Date.now() - 60_000),
      endsAt: new Date(Date.now() + 86_400_000),
    },
  });
  await stack.db.$transaction(
    (tx) =>
      creditTokens(tx, {
        key: `${name}:${userId}`,
        userId: BigInt(userId),
        amount: 5_000_000n,
        source: 'purchase',
        expiresAt: null,
        type: 'topup',
        actor: { type: 'system' },
        reason: 'e2e',
      }),
    LEDGER_TX_OPTIONS,
  );
  const files = await mkdtemp(join(tmpdir(), `${name}-`));
  const emu = await world.openEmulator();
  await emu.switchUser(userId);
  await emu.openChat(stack.userBot.username, { history: true });
  return {
    world,
    emu,
    files,
    userId,
    asked: new Set(),
    stop: async () => {
      await world.stop();
      await rm(files, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `action`, then waits for the chat to show one more media element of `testId` than before it; answers
 * a selector for that element. (Media messages carry no text to wait on: a voiced reply has no caption.)
 */
export async function newMedia(
  emu: EmulatorPage,
  testId: TMediaTestId,
  action: () => Promise<void>,
): Promise<string> {
  const before = await emu.page.getByTestId(testId).count();
  await action();
  await emu.page.getByTestId(testId).nth(before).waitFor({ timeout: MEDIA_MS });
  return `document.querySelectorAll('[data-testid="${testId}"]')[${before}]`;
}

/** Loads a media element in the page and reports what the browser made of it. */
export async function played(
  emu: EmulatorPage,
  selector: string,
): Promise<{ duration: number; width: number }> {
  const result: unknown = await emu.page.evaluate(`(async () => {
    const el = ${selector};
    if (el instanceof HTMLImageElement) {
      if (!el.complete) await new Promise((resolve) => { el.onload = resolve; el.onerror = resolve; });
      return { duration: 0, width: el.naturalWidth };
    }
    if (el.readyState < 1) {
      el.preload = 'metadata';
      el.load();
      await new Promise((resolve) => { el.onloadedmetadata = resolve; el.onerror = resolve; setTimeout(resolve, 15000); });
    }
    return { duration: Number.isFinite(el.duration) ? el.duration : 0, width: el.videoWidth ?? 0 };
  })()`);
  assert.ok(result && typeof result === 'object' && 'duration' in result && 'width' in result);
  return { duration: Number(result.duration), width: Number(result.width) };
}

/** A streamed chat reply once it is final: the 🔊 button comes with the last edit. */
export async function finalReply(emu: EmulatorPage, pattern: RegExp): Promise<string> {
  const replyId = await emu.expectBot(pattern);
  await emu
    .message(replyId)
    .getByTestId('inline-button')
    .filter({ hasText: '🔊' })
    .waitFor({ timeout: MEDIA_MS });
  return replyId;
}

export async function attach(emu: EmulatorPage, kind: 'photo' | 'voice', path: string): Promise<void> {
  await emu.mark();
  await emu.page.getByTestId('attach').click();
  const chooser = emu.page.waitForEvent('filechooser');
  await emu.page.getByTestId(`attach-${kind}`).click();
  await (await chooser).setFiles(path);
}

/** The model's latest request succeeded and was charged (the worker records it right after the delivery). */
export async function succeeded(walk: TModelWalk, modelId: string): Promise<void> {
  const latest = () =>
    walk.world.stack.db.aiRequest.findFirst({
      where: { userId: BigInt(walk.userId), modelId },
      orderBy: { id: 'desc' },
    });
  const deadline = Date.now() + 10_000;
  let request = await latest();
  while (request && request.status !== 'succeeded' && Date.now() < deadline) {
    await sleep(200);
    request = await latest();
  }
  assert.ok(request, `an AI request for ${modelId}`);
  assert.equal(
    request.status,
    'succeeded',
    `${modelId}: ${request.errorCode ?? ''} ${request.errorMessage ?? ''}`,
  );
  assert.ok(request.charged > 0n, `${modelId} was charged`);
  walk.asked.add(modelId);
}

/** The walk asked every catalog model of its kinds, and the page saw no uncaught error. */
export function assertWalked(walk: TModelWalk, kinds: readonly AiKind[]): void {
  const due = MODEL_CATALOG.filter((m) => kinds.includes(m.kind)).map((m) => m.id);
  assert.ok(due.length > 0);
  assert.deepEqual(
    due.filter((id) => !walk.asked.has(id)),
    [],
    'every catalog model of these kinds was asked once',
  );
  assert.deepEqual(walk.emu.pageErrors, []);
}
