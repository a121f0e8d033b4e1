/**
 * How fast a streamed AI reply becomes visible in Telegram, and how many edits it costs: the real user bot
 * (runner, middlewares, the chat feature) against the local Bot API with Telegram's flood limits, the real AI
 * gateway against the OpenAI stand-in streaming at a model's pace, PostgreSQL and Redis. Latency is from the
 * moment the first text of a reply leaves the provider stream (a tap on the gateway) to the bot's message
 * appearing on the Bot API's event stream.
 */
import { percentile, round, summarize } from '#bench/stats.ts';
import type { TBenchModule, TBenchResult, TBenchRow } from '#bench/types.ts';
import { prepareUsers, verifyCharges } from './bench-users.ts';
import { measureReply, type TReplyTiming } from './measure-reply.ts';
import { startStreamingStack } from './streaming-stack.ts';

/**
 * A reply of 1,500 characters (~375 tokens, a few paragraphs: a typical chat answer) at 50 tokens a second,
 * one token (~4 characters) per SSE event: the pace of GPT-4o-class models, about 7.5 s a reply.
 */
const WORKLOAD = {
  replyChars: 1_500,
  charsPerEvent: 4,
  msPerEvent: 20,
  sequentialReplies: 6,
  parallelChats: 20,
};
const MINI_PRICE = 250n;
const FIRST_USER = 7_400_000_000;

function timingRow(key: string, label: string, timings: TReplyTiming[], wallMs: number): TBenchRow {
  const edits = timings.map((t) => t.edits).sort((a, b) => a - b);
  const seconds = timings.map((t) => (t.doneAt - t.firstTextAt) / 1000);
  const mean = (values: number[]) => round(values.reduce((a, b) => a + b, 0) / values.length, 2);
  return {
    key,
    label,
    figures: summarize(
      timings.map((t) => t.firstVisibleAt - t.firstTextAt),
      wallMs,
    ),
    details: {
      editsPerReplyMean: mean(edits),
      editsPerReplyP50: percentile(edits, 50),
      editsPerReplyP95: percentile(edits, 95),
      editsPerReplyMax: edits.at(-1) ?? 0,
      replySecondsMean: mean(seconds),
    },
  };
}

const describeEdits = (r: TBenchRow) =>
  `${r.label}: edits per reply mean ${r.details?.editsPerReplyMean}, p50 ${r.details?.editsPerReplyP50}, ` +
  `p95 ${r.details?.editsPerReplyP95}, max ${r.details?.editsPerReplyMax}; a reply took ` +
  `${r.details?.replySecondsMean} s from its first text to its final edit on average`;

async function runAiStreaming(): Promise<TBenchResult> {
  const stack = await startStreamingStack({
    chunkChars: WORKLOAD.charsPerEvent,
    delayMs: WORKLOAD.msPerEvent,
  });
  try {
    const ids = Array.from(
      { length: WORKLOAD.sequentialReplies + WORKLOAD.parallelChats },
      (_, i) => FIRST_USER + i,
    );
    await prepareUsers(stack.db, stack.telegram, ids);
    const measure = (id: number) => measureReply(stack, id, WORKLOAD.replyChars);

    const sequentialStart = performance.now();
    const sequential: TReplyTiming[] = [];
    for (const id of ids.slice(0, WORKLOAD.sequentialReplies)) sequential.push(await measure(id));
    const sequentialWall = performance.now() - sequentialStart;
    const parallelStart = performance.now();
    const parallel = await Promise.all(ids.slice(WORKLOAD.sequentialReplies).map(measure));
    const parallelWall = performance.now() - parallelStart;

    const refused = (await stack.telegram.calls({ token: stack.token })).filter((c) => !c.ok);
    if (refused.length > 0)
      throw new Error(
        `ai-streaming: ${refused.length} Bot API calls refused, e.g. ${refused[0]?.method}: ${refused[0]?.description}`,
      );
    await verifyCharges(stack.db, ids, MINI_PRICE);

    const rows = [
      timingRow(
        'one-chat',
        `${WORKLOAD.sequentialReplies} replies, one chat at a time`,
        sequential,
        sequentialWall,
      ),
      timingRow('parallel', `${WORKLOAD.parallelChats} chats at once`, parallel, parallelWall),
    ];
    return {
      name: 'ai-streaming',
      title: 'AI reply streaming (first text → visible)',
      unit: 'replies',
      workload: { ...WORKLOAD },
      rows,
      comparisons: [{ label: 'ratio parallel / one chat', numerator: 'parallel', denominator: 'one-chat' }],
      notes: [
        'Latency columns: from the first text out of the provider stream to the bot message on the Bot API event stream.',
        ...rows.map(describeEdits),
        "Every reply checked: one message, final text = the stand-in's reply, 🔊 button; no Bot API call refused (flood limits on); each user charged exactly once.",
        'Edits are paced to at most one a second per chat (bots/user/chat/streaming-reply.ts), so edits ≈ reply seconds; the final edit adds the button.',
      ],
    };
  } finally {
    await stack.close();
  }
}

export const aiStreamingBench: TBenchModule = { name: 'ai-streaming', run: runAiStreaming };
