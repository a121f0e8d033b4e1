import assert from 'node:assert/strict';
import { test } from 'node:test';
import { failureOfStatus } from './failure-of-status.ts';
import { createOpenAiCompatibleProvider } from './openai-compatible-provider.ts';
import { isProviderError, type TProviderFailure } from './provider-error.ts';
import type { TChatChunk } from './provider-types.ts';

// What OpenAI and the gateways that speak its API answer, served in process through the SDK's `fetch`:
// a content refusal only where the answer says so, anything else the request's (our) fault.

const KEY = 'sk-failures-test-aaaaaaaaaaaa';

type TAnswer = (path: string) => Response;

function providerAnswering(answer: TAnswer) {
  const fetchImpl = async (input: string | URL | Request) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    return answer(url.pathname);
  };
  return createOpenAiCompatibleProvider({
    baseUrl: 'http://provider.test/v1',
    apiKey: KEY,
    timeoutMs: 5_000,
    fetch: fetchImpl as typeof fetch,
  });
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const openAiError = (status: number, error: { message: string; type?: string; code?: string | null }) =>
  json(status, { error: { type: 'invalid_request_error', param: null, code: null, ...error } });

/** A streamed chat completion: each chunk one SSE event, then [DONE]. */
const chatStream = (choices: Record<string, unknown>[]) =>
  new Response(
    `${choices
      .map(
        (choice) =>
          `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', choices: [choice] })}\n\n`,
      )
      .join('')}data: [DONE]\n\n`,
    { status: 200, headers: { 'content-type': 'text/event-stream' } },
  );

async function failureOf(
  run: () => Promise<unknown>,
): Promise<{ failure: TProviderFailure; message: string }> {
  try {
    await run();
  } catch (error) {
    assert.ok(isProviderError(error), String(error));
    assert.ok(!error.message.includes(KEY), 'the key never appears in a message');
    return { failure: error.failure, message: error.message };
  }
  assert.fail('the call should have failed');
}

const image = (answer: TAnswer) => () =>
  providerAnswering(answer).jobs.submit('image', { model: 'dall-e-3', prompt: 'x', params: {} });

async function chat(answer: TAnswer): Promise<string> {
  let text = '';
  const stream = providerAnswering(answer).streamChat({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: 'x' }],
  });
  for await (const chunk of stream as AsyncIterable<TChatChunk>)
    if (chunk.type === 'delta') text += chunk.text;
  return text;
}

test('HTTP statuses: only an answer that says so is a content refusal; other 4xx are rejections', () => {
  assert.equal(failureOfStatus(429), 'rate_limited');
  assert.equal(failureOfStatus(401), 'auth');
  assert.equal(failureOfStatus(504), 'timeout');
  assert.equal(failureOfStatus(503), 'unavailable');
  assert.equal(failureOfStatus(400), 'rejected');
  assert.equal(failureOfStatus(404, { code: 'model_not_found' }), 'rejected');
  assert.equal(failureOfStatus(422, { message: "Invalid value: 'size' is case-sensitive" }), 'rejected');
  assert.equal(failureOfStatus(400, { code: 'content_policy_violation' }), 'content_refused');
  assert.equal(failureOfStatus(400, { message: 'NSFW content detected' }), 'content_refused');
  // A server's failure stays an outage whatever it says: nothing was judged.
  assert.equal(failureOfStatus(500, { message: 'safety system unavailable' }), 'unavailable');
});

test('an image request the safety system refused is a content refusal, as DALL·E and GPT image models say it', async () => {
  const dalle = await failureOf(
    image(() =>
      openAiError(400, {
        message:
          'Your request was rejected as a result of our safety system. Your prompt may contain text that is not allowed by our safety system.',
        code: 'content_policy_violation',
      }),
    ),
  );
  assert.equal(dalle.failure, 'content_refused');
  assert.match(dalle.message, /safety system/);
  const gptImage = await failureOf(
    image(() =>
      openAiError(400, {
        message:
          'Your request was rejected by the safety system. If you believe this is an error, contact us.',
        type: 'image_generation_user_error',
        code: 'moderation_blocked',
      }),
    ),
  );
  assert.equal(gptImage.failure, 'content_refused');
  // Said in words only, without a code (gateways that pass OpenAI's message on).
  const worded = await failureOf(
    image(() => openAiError(400, { message: 'Your request was rejected as a result of our safety system.' })),
  );
  assert.equal(worded.failure, 'content_refused');
});

test('an unknown model or a bad parameter is a rejection, never a content refusal', async () => {
  const unknown = await failureOf(
    image(() =>
      openAiError(404, {
        message: 'The model `dall-e-9` does not exist or you do not have access to it.',
        code: 'model_not_found',
      }),
    ),
  );
  assert.deepEqual(unknown.failure, 'rejected');
  const invalid = await failureOf(
    image(() =>
      openAiError(400, {
        message: "Invalid value for 'size': must be one of 1024x1024.",
        code: 'invalid_value',
      }),
    ),
  );
  assert.equal(invalid.failure, 'rejected');
  const missing = await failureOf(
    image(() =>
      openAiError(400, {
        message: "Missing required parameter: 'prompt'.",
        code: 'missing_required_parameter',
      }),
    ),
  );
  assert.equal(missing.failure, 'rejected');
});

test('a chat reply the content filter stopped, or a model’s refusal, is a content refusal', async () => {
  // The control: a reply that finishes normally is the reply.
  assert.equal(
    await chat(() =>
      chatStream([
        { index: 0, delta: { role: 'assistant', content: 'Hello', refusal: null }, finish_reason: null },
        { index: 0, delta: { content: ' there' }, finish_reason: 'stop' },
      ]),
    ),
    'Hello there',
  );
  const filtered = await failureOf(() =>
    chat(() =>
      chatStream([
        { index: 0, delta: { role: 'assistant', content: 'Sure, here is' }, finish_reason: null },
        { index: 0, delta: {}, finish_reason: 'content_filter' },
      ]),
    ),
  );
  assert.equal(filtered.failure, 'content_refused');
  const refused = await failureOf(() =>
    chat(() =>
      chatStream([
        {
          index: 0,
          delta: { role: 'assistant', content: null, refusal: "I'm sorry, " },
          finish_reason: null,
        },
        { index: 0, delta: { refusal: 'I cannot help with that.' }, finish_reason: 'stop' },
      ]),
    ),
  );
  assert.deepEqual(refused, {
    failure: 'content_refused',
    message: "the model refused: I'm sorry, I cannot help with that.",
  });
  // An unknown model for chat is the route's configuration, not the user's message.
  const unknown = await failureOf(() =>
    chat(() => openAiError(404, { message: 'The model `x` does not exist.', code: 'model_not_found' })),
  );
  assert.equal(unknown.failure, 'rejected');
});

test('a video job the moderation blocked failed for the content; one that broke did not', async () => {
  const video = (error: { code: string | null; message: string }) =>
    providerAnswering(() =>
      json(200, { id: 'video_1', object: 'video', status: 'failed', progress: 0, error }),
    ).jobs.poll('video_1');
  assert.deepEqual(
    await video({
      code: 'moderation_blocked',
      message: 'Your request was blocked by our moderation system.',
    }),
    {
      state: 'failed',
      reason: 'Your request was blocked by our moderation system.',
      contentRefused: true,
    },
  );
  assert.deepEqual(await video({ code: 'internal_error', message: 'Video generation failed.' }), {
    state: 'failed',
    reason: 'Video generation failed.',
    contentRefused: false,
  });
});
