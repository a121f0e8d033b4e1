import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import OpenAI, { toFile } from 'openai';
import sharp from 'sharp';
import { startOpenAiStandIn, type TOpenAiStandIn, type TOpenAiStandInOptions } from './openai-stand-in.ts';
import { encodePng, readPngSize } from './png-encoder.ts';
import { wavDurationSeconds } from './wav-audio.ts';

const KEY = 'sk-test-primary-0000000000000000';
const SPARE_KEY = 'sk-test-spare-11111111111111111';

type THarness = {
  standIn: TOpenAiStandIn;
  client: OpenAI;
  clientWith(key: string, maxRetries?: number): OpenAI;
};

async function withOpenAi(
  run: (h: THarness) => Promise<void>,
  opts: Partial<TOpenAiStandInOptions> = {},
): Promise<void> {
  const standIn = await startOpenAiStandIn({ keys: [KEY, SPARE_KEY], videoDurationMs: 200, ...opts });
  const clientWith = (apiKey: string, maxRetries = 0) =>
    new OpenAI({ apiKey, baseURL: standIn.apiBase, maxRetries });
  try {
    await run({ standIn, client: clientWith(KEY), clientWith });
  } finally {
    await standIn.close();
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('chat completions', () => {
  test('the reply echoes the last user message and what the model was given', () =>
    withOpenAi(async ({ standIn, client }) => {
      const completion = await client.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [
          { role: 'system', content: 'You are   a helpful\nbot.' },
          { role: 'user', content: 'first question' },
          { role: 'assistant', content: 'first answer' },
          { role: 'user', content: 'second question' },
        ],
      });
      assert.equal(completion.object, 'chat.completion');
      assert.equal(completion.choices[0]?.finish_reason, 'stop');
      assert.equal(
        completion.choices[0]?.message.content,
        [
          'Echo (gpt-4o-mini): second question',
          'Received 4 messages (system: 1, user: 2, assistant: 1, tool: 0, images: 0).',
          'System prompt: You are a helpful bot.',
        ].join('\n'),
      );
      const usage = completion.usage;
      assert.ok(usage && usage.prompt_tokens > 0 && usage.completion_tokens > 0);
      assert.equal(usage.total_tokens, usage.prompt_tokens + usage.completion_tokens);
      // ≈ chars / 4: the reply above is 130 characters long.
      assert.equal(
        usage.completion_tokens,
        Math.ceil((completion.choices[0]?.message.content ?? '').length / 4),
      );

      const [logged] = standIn.control.requests();
      assert.equal(logged?.key, KEY);
      assert.equal(logged?.path, '/v1/chat/completions');
      assert.equal(logged?.status, 200);
      assert.deepEqual(
        logged?.messages?.map((m) => `${m.role}:${m.text}`),
        [
          'system:You are   a helpful\nbot.',
          'user:first question',
          'assistant:first answer',
          'user:second question',
        ],
      );
    }));

  test('history off is told apart from history on; content parts and images are counted', () =>
    withOpenAi(async ({ client }) => {
      const alone = await client.chat.completions.create({
        model: 'gpt-4o',
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'what is' },
              { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
              { type: 'text', text: 'on this photo?' },
            ],
          },
        ],
      });
      assert.equal(
        alone.choices[0]?.message.content,
        'Echo (gpt-4o): what is\non this photo?\nReceived 1 messages (system: 0, user: 1, assistant: 0, tool: 0, images: 1).',
      );
    }));

  test('streaming with include_usage: the same text in several chunks, then a usage chunk', () =>
    withOpenAi(async ({ client }) => {
      const messages = [{ role: 'user' as const, content: 'stream me please' }];
      const whole = await client.chat.completions.create({ model: 'gpt-4o-mini', messages });
      const stream = await client.chat.completions.create({
        model: 'gpt-4o-mini',
        messages,
        stream: true,
        stream_options: { include_usage: true },
      });
      const chunks: OpenAI.ChatCompletionChunk[] = [];
      for await (const chunk of stream) chunks.push(chunk);
      const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
      assert.equal(text, whole.choices[0]?.message.content);
      assert.equal(chunks[0]?.choices[0]?.delta.role, 'assistant');
      assert.ok(chunks.length > 4, `expected several chunks, got ${chunks.length}`);
      assert.ok(chunks.every((c) => c.object === 'chat.completion.chunk' && c.id === chunks[0]?.id));
      const last = chunks.at(-1);
      assert.deepEqual(last?.choices, []);
      assert.deepEqual(last?.usage, whole.usage);
      assert.equal(chunks.at(-2)?.choices[0]?.finish_reason, 'stop');
      assert.ok(chunks.slice(0, -1).every((c) => c.usage === null));
    }));

  test('long:N gives a reply of exactly N characters, streamed in chunks of the configured size', () =>
    withOpenAi(async ({ standIn, client }) => {
      standIn.control.setStreamChunkSize(500);
      const stream = await client.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'write an essay long:5000' }],
        stream: true,
      });
      const pieces: string[] = [];
      for await (const chunk of stream) pieces.push(chunk.choices[0]?.delta.content ?? '');
      const text = pieces.join('');
      assert.equal(text.length, 5000);
      assert.ok(text.startsWith('Echo (gpt-4o-mini): write an essay long:5000\n'));
      assert.ok(text.includes('\n\nParagraph 1, sentence 1'));
      assert.deepEqual(
        pieces.filter((p) => p !== '').map((p) => p.length),
        Array.from({ length: 10 }, () => 500),
      );
    }));

  test('the stream delay spaces the chunks out', () =>
    withOpenAi(
      async ({ client }) => {
        const started = Date.now();
        const stream = await client.chat.completions.create({
          model: 'gpt-4o-mini',
          messages: [{ role: 'user', content: 'hi' }],
          stream: true,
        });
        let chunks = 0;
        for await (const _ of stream) chunks++;
        // role chunk, 2 text chunks of 64 characters, finish chunk: three pauses of 40 ms.
        assert.equal(chunks, 4);
        assert.ok(Date.now() - started >= 110, `took ${Date.now() - started} ms`);
      },
      { stream: { chunkChars: 64, delayMs: 40 } },
    ));

  test('cutNextStream drops the connection part-way; the stream after it is whole', () =>
    withOpenAi(async ({ standIn, client }) => {
      standIn.control.cutNextStream(3);
      const read = async () => {
        const stream = await client.chat.completions.create({
          model: 'gpt-4o-mini',
          messages: [{ role: 'user', content: 'a reply long enough to need several chunks' }],
          stream: true,
        });
        const pieces: string[] = [];
        try {
          for await (const chunk of stream) pieces.push(chunk.choices[0]?.delta.content ?? '');
          return { pieces, error: undefined };
        } catch (error) {
          return { pieces, error };
        }
      };
      const cut = await read();
      // fetch reports a connection dropped mid-body as `TypeError: terminated`; the SDK passes it on.
      assert.ok(cut.error instanceof TypeError, String(cut.error));
      // The role chunk and two text chunks of 16 characters arrived before the cut.
      assert.equal(cut.pieces.join(''), 'Echo (gpt-4o-mini): a reply long');
      const whole = await read();
      assert.equal(whole.error, undefined);
      assert.match(whole.pieces.join(''), /^Echo \(gpt-4o-mini\): a reply long enough/);
    }));

  test('max_completion_tokens cuts the reply with finish_reason length', () =>
    withOpenAi(async ({ client }) => {
      const completion = await client.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'long:1000' }],
        max_completion_tokens: 10,
      });
      assert.equal(completion.choices[0]?.message.content?.length, 40);
      assert.equal(completion.choices[0]?.finish_reason, 'length');
    }));

  test('bad requests get OpenAI error bodies: unknown model, stream_options without stream, no messages', () =>
    withOpenAi(async ({ client }) => {
      const unknown = await rejection(
        client.chat.completions.create({ model: 'gpt-9', messages: [{ role: 'user', content: 'x' }] }),
      );
      assert.equal(unknown.status, 404);
      assert.equal(unknown.code, 'model_not_found');
      const streamOptions = await rejection(
        client.chat.completions.create({
          model: 'gpt-4o-mini',
          messages: [{ role: 'user', content: 'x' }],
          stream_options: { include_usage: true },
        }),
      );
      assert.equal(streamOptions.status, 400);
      assert.equal(streamOptions.param, 'stream_options');
      const missing = await rejection(
        client.chat.completions.create({
          model: 'gpt-4o-mini',
        } as OpenAI.ChatCompletionCreateParamsNonStreaming),
      );
      assert.equal(missing.status, 400);
      assert.equal(missing.code, 'missing_required_parameter');
      assert.equal(missing.param, 'messages');
    }));
});

describe('keys, rate limits and faults', () => {
  test('an unknown key is 401 invalid_api_key; no key at all is 401 too', () =>
    withOpenAi(async ({ standIn, clientWith }) => {
      const error = await rejection(clientWith('sk-wrong-key-123456789').models.list());
      assert.ok(error instanceof OpenAI.AuthenticationError);
      assert.equal(error.code, 'invalid_api_key');
      assert.ok(!error.message.includes('sk-wrong-key-123456789'), 'the key is redacted');
      const bare = await fetch(`${standIn.apiBase}/models`);
      assert.equal(bare.status, 401);
      assert.equal(((await bare.json()) as { error: { type: string } }).error.type, 'invalid_request_error');
      assert.deepEqual(
        standIn.control.requests().map((r) => [r.key, r.status]),
        [
          ['sk-wrong-key-123456789', 401],
          [undefined, 401],
        ],
      );
    }));

  test('a throttled key answers 429 with retry-after until its count runs out; another key is unaffected', () =>
    withOpenAi(async ({ standIn, client, clientWith }) => {
      standIn.control.rateLimitKey(KEY, 2, { retryAfterMs: 2000 });
      const ask = (c: OpenAI) =>
        c.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }] });
      for (let i = 0; i < 2; i++) {
        const error = await rejection(ask(client));
        assert.ok(error instanceof OpenAI.RateLimitError);
        assert.equal(error.code, 'rate_limit_exceeded');
        assert.equal(error.headers?.get('retry-after'), '2');
        // Key rotation: the spare key goes through while the first one is throttled.
        if (i === 0)
          assert.match((await ask(clientWith(SPARE_KEY))).choices[0]?.message.content ?? '', /^Echo/);
      }
      assert.match((await ask(client)).choices[0]?.message.content ?? '', /^Echo \(gpt-4o-mini\): hello/);
      assert.deepEqual(
        standIn.control.requests().map((r) => [r.key === KEY ? 'primary' : 'spare', r.status]),
        [
          ['primary', 429],
          ['spare', 200],
          ['primary', 429],
          ['primary', 200],
        ],
      );
    }));

  test("the SDK's own retries honour retry-after-ms", () =>
    withOpenAi(async ({ standIn, clientWith }) => {
      standIn.control.rateLimitKey(KEY, 2, { retryAfterMs: 20 });
      const models = await clientWith(KEY, 2).models.list();
      assert.ok(models.data.some((m) => m.id === 'gpt-4o-mini'));
      assert.deepEqual(
        standIn.control.requests().map((r) => r.status),
        [429, 429, 200],
      );
    }));

  test('insufficient_quota is a 429 of its own kind', () =>
    withOpenAi(async ({ standIn, client }) => {
      standIn.control.rateLimitKey(KEY, Number.POSITIVE_INFINITY, { code: 'insufficient_quota' });
      const error = await rejection(client.models.list());
      assert.equal(error.status, 429);
      assert.equal(error.code, 'insufficient_quota');
      assert.equal(error.type, 'insufficient_quota');
    }));

  test('failNext limited to a path fails only that endpoint, for the given count', () =>
    withOpenAi(async ({ standIn, client }) => {
      standIn.control.failNext({ count: 1, status: 503, path: '/v1/chat/completions' });
      await client.models.list();
      const error = await rejection(
        client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] }),
      );
      assert.ok(error instanceof OpenAI.InternalServerError);
      assert.equal(error.status, 503);
      assert.equal(error.type, 'server_error');
      await client.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'x' }],
      });
    }));

  test('a revoked key stops working', () =>
    withOpenAi(async ({ standIn, client }) => {
      await client.models.list();
      standIn.control.revokeKey(KEY);
      assert.equal((await rejection(client.models.list())).code, 'invalid_api_key');
    }));

  test('an unknown path is 404 Invalid URL', () =>
    withOpenAi(async ({ standIn }) => {
      const response = await fetch(`${standIn.apiBase}/nothing/here`, {
        headers: { authorization: `Bearer ${KEY}` },
      });
      assert.equal(response.status, 404);
      const body = (await response.json()) as { error: { message: string } };
      assert.equal(body.error.message, 'Invalid URL (GET /v1/nothing/here)');
    }));
});

describe('images', () => {
  test('generations return real PNGs of the asked size, the same for the same prompt', () =>
    withOpenAi(async ({ client }) => {
      const generate = (prompt: string) =>
        client.images.generate({ model: 'gpt-image-1', prompt, size: '64x48' as '1024x1024' });
      const first = await generate('a red fox');
      const png = Buffer.from(first.data?.[0]?.b64_json ?? '', 'base64');
      assert.ok(png.subarray(0, 8).equals(PNG_SIGNATURE));
      assert.deepEqual(readPngSize(png), { width: 64, height: 48 });
      assert.equal(first.size, '64x48');
      const again = Buffer.from((await generate('a red fox')).data?.[0]?.b64_json ?? '', 'base64');
      const other = Buffer.from((await generate('a blue whale')).data?.[0]?.b64_json ?? '', 'base64');
      assert.ok(png.equals(again));
      assert.ok(!png.equals(other));
    }));

  test('DALL·E answers with URLs the stand-in serves, n of them', () =>
    withOpenAi(async ({ client }) => {
      const result = await client.images.generate({
        model: 'dall-e-2',
        prompt: 'moon',
        n: 2,
        size: '256x256',
      });
      assert.equal(result.data?.length, 2);
      const [a, b] = await Promise.all(
        (result.data ?? []).map(async (item) => {
          const response = await fetch(item.url ?? '');
          assert.equal(response.headers.get('content-type'), 'image/png');
          return Buffer.from(await response.arrayBuffer());
        }),
      );
      assert.deepEqual(readPngSize(a ?? Buffer.alloc(0)), { width: 256, height: 256 });
      assert.ok(a && b && !a.equals(b), 'two different images');
    }));

  test('an edit keeps the uploaded picture size and depends on the picture', () =>
    withOpenAi(async ({ standIn, client }) => {
      const photo = encodePng(30, 20, Buffer.alloc(30 * 20 * 3, 200));
      const edit = async (image: Buffer) =>
        client.images.edit({
          model: 'gpt-image-1',
          prompt: 'add a hat',
          image: await toFile(image, 'photo.png', { type: 'image/png' }),
        });
      const result = Buffer.from((await edit(photo)).data?.[0]?.b64_json ?? '', 'base64');
      assert.deepEqual(readPngSize(result), { width: 30, height: 20 });
      const otherPhoto = encodePng(30, 20, Buffer.alloc(30 * 20 * 3, 10));
      assert.ok(!result.equals(Buffer.from((await edit(otherPhoto)).data?.[0]?.b64_json ?? '', 'base64')));
      assert.equal(standIn.control.requests()[0]?.fileBytes, photo.length);
      assert.equal(standIn.control.requests()[0]?.prompt, 'add a hat');
    }));

  test('an edit is the uploaded picture recoloured by the prompt, whatever its format', () =>
    withOpenAi(async ({ client }) => {
      // White on the left, black on the right: the edit must keep that, as a photo editor would.
      const rgb = Buffer.alloc(40 * 20 * 3);
      for (let i = 0; i < 40 * 20; i++) if (i % 40 < 20) rgb.fill(255, i * 3, i * 3 + 3);
      const jpeg = await sharp(rgb, { raw: { width: 40, height: 20, channels: 3 } })
        .jpeg()
        .toBuffer();
      const result = await client.images.edit({
        model: 'gpt-image-1',
        prompt: 'make it blue',
        image: await toFile(jpeg, 'photo.jpg', { type: 'image/jpeg' }),
      });
      const png = Buffer.from(result.data?.[0]?.b64_json ?? '', 'base64');
      assert.ok(png.subarray(0, 8).equals(PNG_SIGNATURE));
      const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      assert.deepEqual([info.width, info.height], [40, 20]);
      const brightness = (fromX: number) => {
        let sum = 0;
        for (let y = 0; y < 20; y++)
          for (let x = fromX; x < fromX + 20; x++)
            for (let c = 0; c < 3; c++) sum += data[(y * 40 + x) * 3 + c] ?? 0;
        return sum / (20 * 20 * 3);
      };
      assert.ok(brightness(0) > 150, `left half ${brightness(0)}`);
      assert.ok(brightness(20) < 105, `right half ${brightness(20)}`);
      assert.ok(brightness(0) < 250 || brightness(20) > 5, 'the prompt tints the picture');
    }));

  test('an upload that is not a picture is 400 invalid_image_file', () =>
    withOpenAi(async ({ client }) => {
      const error = await rejection(
        client.images.edit({
          model: 'gpt-image-1',
          prompt: 'add a hat',
          image: await toFile(Buffer.from('not a picture'), 'photo.png', { type: 'image/png' }),
        }),
      );
      assert.equal(error.status, 400);
      assert.equal(error.code, 'invalid_image_file');
      assert.equal(error.param, 'image');
    }));

  test('a size beyond bounds is 400 invalid_value on size', () =>
    withOpenAi(async ({ client }) => {
      const error = await rejection(client.images.generate({ prompt: 'x', size: '9000x10' as '1024x1024' }));
      assert.equal(error.status, 400);
      assert.equal(error.param, 'size');
    }));
});

describe('audio', () => {
  test('a SAY: marker is transcribed; other audio gets a sentence with its byte length', () =>
    withOpenAi(async ({ client }) => {
      const said = await client.audio.transcriptions.create({
        model: 'whisper-1',
        file: await toFile(Buffer.from('OggS....SAY:Привет, бот\0rest'), 'voice.ogg'),
      });
      assert.equal(said.text, 'Привет, бот');
      const plain = await client.audio.transcriptions.create({
        model: 'gpt-4o-transcribe',
        file: await toFile(Buffer.alloc(1234, 7), 'voice.ogg'),
        response_format: 'text',
      });
      assert.equal(plain, 'Stand-in transcript of 1234 bytes of audio.\n');
    }));

  test('a 30 MB upload goes through', () =>
    withOpenAi(async ({ standIn, client }) => {
      const big = Buffer.alloc(30 * 1024 * 1024, 1);
      Buffer.from('SAY:big file\0').copy(big, big.length - 20);
      const result = await client.audio.transcriptions.create({
        model: 'whisper-1',
        file: await toFile(big, 'long.mp3'),
      });
      assert.equal(result.text, 'big file');
      assert.equal(standIn.control.requests()[0]?.fileBytes, big.length);
    }));

  test('speech is a real WAV whose length follows the input, and transcribes back to the input', () =>
    withOpenAi(async ({ client }) => {
      const speak = async (input: string) => {
        const response = await client.audio.speech.create({
          model: 'gpt-4o-mini-tts',
          voice: 'alloy',
          input,
          response_format: 'wav',
        });
        assert.equal(response.headers.get('content-type'), 'audio/wav');
        return Buffer.from(await response.arrayBuffer());
      };
      const short = await speak('Hi');
      const long = await speak('A much longer sentence that should take a few seconds to say.');
      assert.equal(short.toString('latin1', 0, 4), 'RIFF');
      assert.equal(short.toString('latin1', 8, 12), 'WAVE');
      assert.equal(wavDurationSeconds(short), 0.5);
      assert.ok((wavDurationSeconds(long) ?? 0) > 3.5);
      const heard = await client.audio.transcriptions.create({
        model: 'whisper-1',
        file: await toFile(long, 'speech.wav'),
      });
      assert.equal(heard.text, 'A much longer sentence that should take a few seconds to say.');
    }));

  test('mp3 speech is an ID3-tagged MP3 stream', () =>
    withOpenAi(async ({ client }) => {
      const response = await client.audio.speech.create({
        model: 'tts-1',
        voice: 'nova',
        input: 'Hello there',
      });
      assert.equal(response.headers.get('content-type'), 'audio/mpeg');
      const bytes = Buffer.from(await response.arrayBuffer());
      assert.equal(bytes.toString('latin1', 0, 3), 'ID3');
      const tagSize =
        ((bytes[6] ?? 0) << 21) | ((bytes[7] ?? 0) << 14) | ((bytes[8] ?? 0) << 7) | (bytes[9] ?? 0);
      // Right after the tag comes an MPEG-1 Layer III frame sync.
      assert.deepEqual([...bytes.subarray(10 + tagSize, 12 + tagSize)], [0xff, 0xfb]);
    }));

  test('speech input over 4096 characters is refused', () =>
    withOpenAi(async ({ client }) => {
      const error = await rejection(
        client.audio.speech.create({ model: 'tts-1', voice: 'nova', input: 'x'.repeat(4097) }),
      );
      assert.equal(error.status, 400);
      assert.equal(error.param, 'input');
    }));
});

describe('videos', () => {
  test('a job goes queued → in_progress → completed and its content is an MP4', () =>
    withOpenAi(async ({ client }) => {
      const created = await client.videos.create({
        model: 'sora-2',
        prompt: 'a cat surfing',
        seconds: '8',
        size: '1280x720',
      });
      assert.equal(created.object, 'video');
      assert.equal(created.status, 'queued');
      assert.equal(created.progress, 0);
      assert.equal(created.seconds, '8');
      assert.equal(created.size, '1280x720');
      const early = await rejection(client.videos.downloadContent(created.id));
      assert.equal(early.status, 404);

      const seen: string[] = [];
      let video = created;
      let lastProgress = 0;
      while (video.status !== 'completed' && video.status !== 'failed') {
        await sleep(15);
        video = await client.videos.retrieve(created.id);
        assert.ok(video.progress >= lastProgress, 'progress never goes back');
        lastProgress = video.progress;
        if (seen.at(-1) !== video.status) seen.push(video.status);
      }
      assert.deepEqual(
        seen.filter((s) => s !== 'queued'),
        ['in_progress', 'completed'],
      );
      assert.equal(video.progress, 100);
      assert.ok(video.completed_at !== null && video.completed_at >= created.created_at);

      const content = Buffer.from(await (await client.videos.downloadContent(created.id)).arrayBuffer());
      assert.equal(content.toString('latin1', 4, 8), 'ftyp');
      const thumbnail = await client.videos.downloadContent(created.id, { variant: 'thumbnail' });
      assert.deepEqual(readPngSize(Buffer.from(await thumbnail.arrayBuffer())), { width: 1280, height: 720 });
    }));

  test('failVideoJobs makes new jobs end failed with an error', () =>
    withOpenAi(async ({ standIn, client }) => {
      standIn.control.failVideoJobs(true);
      const created = await client.videos.create({ prompt: 'doomed' });
      standIn.control.finishVideo(created.id);
      const video = await client.videos.retrieve(created.id);
      assert.equal(video.status, 'failed');
      assert.equal(video.error?.code, 'video_generation_failed');
      assert.equal((await rejection(client.videos.downloadContent(created.id))).status, 404);
    }));

  test('jobs are listed newest first, deleted, and unknown ids are 404', () =>
    withOpenAi(async ({ client }) => {
      const a = await client.videos.create({ prompt: 'one' });
      const b = await client.videos.create({ prompt: 'two' });
      const page = await client.videos.list();
      assert.deepEqual(
        page.data.map((v) => v.id),
        [b.id, a.id],
      );
      assert.equal((await client.videos.delete(a.id)).deleted, true);
      assert.equal((await rejection(client.videos.retrieve(a.id))).status, 404);
      const invalid = await rejection(client.videos.create({ prompt: 'x', seconds: '5' as '4' }));
      assert.equal(invalid.param, 'seconds');
    }));
});

async function rejection(promise: Promise<unknown>): Promise<InstanceType<typeof OpenAI.APIError>> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof OpenAI.APIError) return err;
    throw err;
  }
  assert.fail('expected an OpenAI APIError');
}
