/**
 * Jobs per second through the `ai` queue with instant provider answers (prediction stand-in delay 0): from
 * acceptGeneration (limit, hold, row, job) to the hold captured, with the result stored (core/files) and
 * delivered through the local Bot API (flood limits off) by the real ai worker. Everything runs in this
 * one process, so the figures are of the whole path on a shared core budget, harness included.
 */

import { cpuBetween, cpuSnapshot } from '#bench/machine-load.ts';
import { round, summarize } from '#bench/stats.ts';
import type { TBenchModule, TBenchResult, TBenchRow } from '#bench/types.ts';
import { findCatalogModel } from '#core/ai/model-catalog.ts';
import type { AiRequest } from '#core/db/generated/client.ts';
import { saveFile } from '#core/files/save-file.ts';
import { renderPromptImage } from '#sandbox/openai/prompt-image.ts';
import { startAiTestStack, type TAiTestStack } from '#tests/support/ai-test-stack.ts';

const TOKEN = '7000031:bench-ai-queue-token-abcdefghij';
const WORKLOAD = { jobsPerCase: 300, warmUpJobs: 20, users: 20, acceptsInFlight: 20, workerConcurrency: 20 };
const DONE_TIMEOUT_MS = 120_000;

interface TCase {
  key: string;
  label: string;
  modelId: string;
  /** A photo the tool works on, or none. */
  withInput: boolean;
}

const CASES: TCase[] = [
  {
    key: 'image',
    label: 'Stable Diffusion: 1024² PNG → JPEG, sendPhoto',
    modelId: 'stable-diffusion',
    withInput: false,
  },
  {
    key: 'vectorize',
    label: 'Vectorize: photo in, SVG as is, sendDocument',
    modelId: 'vectorize',
    withInput: true,
  },
];

async function premiumUsers(stack: TAiTestStack, count: number): Promise<bigint[]> {
  const users: bigint[] = [];
  for (let i = 0; i < count; i++) {
    const id = await stack.newUser(100_000_000n);
    // Premium: 500 generations an hour, so the hourly limit stays out of the way of the measurement.
    await stack.db.entitlement.create({
      data: {
        userId: id,
        kind: 'ai_subscription',
        productId: 'ai-sub-30d',
        tier: 'premium',
        startsAt: new Date(Date.now() - 1000),
        endsAt: new Date(Date.now() + 30 * 86_400_000),
      },
    });
    users.push(id);
  }
  return users;
}

/** One distinct photo per job of a tool case (the same photo twice would be a cache hit), stored beforehand. */
async function photosFor(
  stack: TAiTestStack,
  users: bigint[],
  count: number,
  tag: string,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const userId = users[i % users.length] ?? 0n;
    const data = renderPromptImage(`${tag} ${i}`, 320, 240);
    const file = await saveFile(
      { db: stack.db, store: stack.store },
      { userId, kind: 'image', name: 'in.png', mimeType: 'image/png', data },
    );
    ids.push(file.id);
  }
  return ids;
}

/** Accepts `count` requests, `acceptsInFlight` at a time; distinct prompts or photos, so none is a cache hit. */
async function acceptMany(
  stack: TAiTestStack,
  users: bigint[],
  c: TCase,
  count: number,
  tag: string,
  photos: readonly string[] = [],
) {
  const started = new Map<bigint, number>();
  const accepted: AiRequest[] = [];
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < count; i = next++) {
      const userId = users[i % users.length] ?? 0n;
      const at = Date.now();
      const request = await stack.accept(userId, {
        modelId: c.modelId,
        prompt: c.withInput ? '' : `${tag} picture number ${i}`,
        inputFileIds: c.withInput ? [photos[i] ?? ''] : undefined,
      });
      started.set(request.id, at);
      accepted.push(request);
    }
  };
  await Promise.all(Array.from({ length: WORKLOAD.acceptsInFlight }, lane));
  return { accepted, started };
}

async function allSettled(stack: TAiTestStack, ids: bigint[]) {
  const deadline = Date.now() + DONE_TIMEOUT_MS;
  for (;;) {
    const rows = await stack.db.aiRequest.findMany({
      where: { id: { in: ids }, status: { in: ['succeeded', 'failed'] } },
    });
    if (rows.length === ids.length) return rows;
    if (Date.now() > deadline) throw new Error(`ai-queue: ${rows.length} of ${ids.length} settled in time`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function runCase(stack: TAiTestStack, users: bigint[], c: TCase) {
  const price = findCatalogModel(c.modelId)?.tokenPrice ?? 0n;
  const warmPhotos = c.withInput ? await photosFor(stack, users, WORKLOAD.warmUpJobs, `${c.key}-warm`) : [];
  const warm = await acceptMany(stack, users, c, WORKLOAD.warmUpJobs, `${c.key}-warm`, warmPhotos);
  await allSettled(
    stack,
    warm.accepted.map((r) => r.id),
  );
  const before = await Promise.all(users.map((u) => stack.tokens(u)));
  const photosBefore = (await stack.telegram.calls({ token: TOKEN })).filter(
    (x) => /^send(Photo|Document)$/.test(x.method) && x.ok,
  ).length;

  const photos = c.withInput ? await photosFor(stack, users, WORKLOAD.jobsPerCase, c.key) : [];
  const cpuFrom = cpuSnapshot();
  const t0 = Date.now();
  const { accepted, started } = await acceptMany(stack, users, c, WORKLOAD.jobsPerCase, c.key, photos);
  const acceptedAt = Date.now();
  const rows = await allSettled(
    stack,
    accepted.map((r) => r.id),
  );
  const cpu = cpuBetween(cpuFrom, cpuSnapshot());

  const failed = rows.filter((r) => r.status !== 'succeeded' || r.charged !== price);
  if (failed.length > 0)
    throw new Error(
      `ai-queue ${c.key}: ${failed.length} not succeeded at full price, e.g. ${failed[0]?.errorCode} ${failed[0]?.errorMessage}`,
    );
  const captures = await stack.db.ledgerTransaction.count({
    where: { idempotencyKey: { in: rows.map((r) => `hold:ai:${r.id}:capture`) } },
  });
  if (captures !== rows.length)
    throw new Error(`ai-queue ${c.key}: ${captures} captures for ${rows.length} jobs`);
  const after = await Promise.all(users.map((u) => stack.tokens(u)));
  const perUser = new Map<bigint, number>();
  for (const r of rows) perUser.set(r.userId, (perUser.get(r.userId) ?? 0) + 1);
  users.forEach((u, i) => {
    const expected = (before[i]?.balance ?? 0n) - price * BigInt(perUser.get(u) ?? 0);
    if (after[i]?.balance !== expected || after[i]?.held !== 0n)
      throw new Error(
        `ai-queue ${c.key}: user ${u} balance ${after[i]?.balance}/${after[i]?.held}, expected ${expected}/0`,
      );
  });
  const sent = (await stack.telegram.calls({ token: TOKEN })).filter(
    (x) => /^send(Photo|Document)$/.test(x.method) && x.ok,
  ).length;
  if (sent - photosBefore !== rows.length)
    throw new Error(`ai-queue ${c.key}: ${sent - photosBefore} results delivered for ${rows.length} jobs`);
  if (rows.some((r) => r.cacheHit))
    throw new Error(`ai-queue ${c.key}: a cache hit in a run of distinct prompts`);

  const last = Math.max(...rows.map((r) => r.finishedAt?.getTime() ?? 0));
  const latencies = rows.map((r) => (r.finishedAt?.getTime() ?? 0) - (started.get(r.id) ?? 0));
  const row: TBenchRow = {
    key: c.key,
    label: `${c.label}, accept → captured`,
    figures: {
      ...summarize(latencies, last - t0),
      cpuMsPerOp: round((cpu.processCores * (last - t0)) / rows.length, 2),
      cpuCores: round(cpu.processCores, 2),
    },
    details: {
      acceptPhaseMs: acceptedAt - t0,
      machineCores: round(cpu.machineCores, 2),
      tokensPerJob: price.toString(),
    },
  };
  return row;
}

async function run(): Promise<TBenchResult> {
  const stack = await startAiTestStack({ botToken: TOKEN, predictionDelayMs: 0, telegramLimits: false });
  try {
    await stack.startWorker({ concurrency: WORKLOAD.workerConcurrency });
    const users = await premiumUsers(stack, WORKLOAD.users);
    const rows: TBenchRow[] = [];
    for (const c of CASES) rows.push(await runCase(stack, users, c));
    return {
      name: 'ai-queue',
      title: 'ai queue (instant stand-ins, local Bot API without limits)',
      unit: 'jobs',
      workload: { ...WORKLOAD },
      rows,
      comparisons: [{ label: 'ratio vectorize / image', numerator: 'vectorize', denominator: 'image' }],
      notes: [
        `ai-queue: ${WORKLOAD.jobsPerCase} jobs per case (after ${WORKLOAD.warmUpJobs} warm-up), ${WORKLOAD.users} premium users, ` +
          `${WORKLOAD.acceptsInFlight} accepts in flight, one worker with concurrency ${WORKLOAD.workerConcurrency}; every job ` +
          'checked: succeeded, captured once at the full price, balances exact, one result message each.',
        'One process holds the stand-ins, the Bot API, the accepting side and the worker: CPU cores is all of it. ' +
          'Latency is from acceptGeneration to finishedAt (after the capture); under load it is mostly queueing.',
        'The image case includes the stand-in drawing and PNG-encoding a 1024² picture in JavaScript and sharp ' +
          're-encoding it: harness and file work, not queue overhead; the vectorize case is closer to the queue itself.',
        "In production Telegram's ~30 messages a second per bot caps delivery: each job costs about three calls " +
          '(the status edit on acceptance, the result, the final edit; progress edits for slow jobs), so ~10 jobs/s per bot.',
      ],
    };
  } finally {
    await stack.close();
  }
}

export const aiQueueBench: TBenchModule = { name: 'ai-queue', run };
