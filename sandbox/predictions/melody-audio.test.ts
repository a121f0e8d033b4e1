import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startPredictionStandIn, type TPredictionStandIn } from './prediction-stand-in.ts';

const TOKEN = 'r8_music_000000000000000000000000';
// The default route's music model, known to the stand-in by its name alone.
const SUNO = 'suno-ai/suno-v4.5';

let standIn: TPredictionStandIn;
before(async () => {
  standIn = await startPredictionStandIn({ tokens: [TOKEN], defaults: { delayMs: 50 } });
});
after(() => standIn.close());

async function song(model: string, input: Record<string, unknown>): Promise<Buffer> {
  const response = await fetch(`${standIn.url}/v1/models/${model}/predictions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', prefer: 'wait=10' },
    body: JSON.stringify({ input }),
  });
  const prediction = (await response.json()) as { status: string; output: unknown };
  assert.equal(prediction.status, 'succeeded');
  assert.equal(typeof prediction.output, 'string');
  const file = await fetch(String(prediction.output));
  assert.equal(file.headers.get('content-type'), 'audio/wav');
  return Buffer.from(await file.arrayBuffer());
}

type TWav = { sampleRate: number; channels: number; bits: number; samples: Int16Array };

/** Walks the RIFF chunks as a player would, rather than trusting a 44-byte header. */
function parseWav(bytes: Buffer): TWav {
  assert.equal(bytes.toString('latin1', 0, 4), 'RIFF');
  assert.equal(bytes.readUInt32LE(4), bytes.length - 8);
  assert.equal(bytes.toString('latin1', 8, 12), 'WAVE');
  let format: Omit<TWav, 'samples'> | undefined;
  for (let offset = 12; offset + 8 <= bytes.length; ) {
    const id = bytes.toString('latin1', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      assert.equal(bytes.readUInt16LE(body), 1, 'PCM');
      format = {
        channels: bytes.readUInt16LE(body + 2),
        sampleRate: bytes.readUInt32LE(body + 4),
        bits: bytes.readUInt16LE(body + 14),
      };
    }
    if (id === 'data') {
      assert.ok(format, 'fmt comes before data');
      const data = bytes.subarray(body, body + size);
      return {
        ...format,
        samples: new Int16Array(data.buffer.slice(data.byteOffset, data.byteOffset + size)),
      };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('no data chunk');
}

/** Per window: zero crossings (which follow pitch) and loudness. */
function windows(wav: TWav, seconds: number): { crossings: number[]; loudness: number[] } {
  const size = Math.round(wav.sampleRate * seconds);
  const crossings: number[] = [];
  const loudness: number[] = [];
  for (let start = 0; start + size <= wav.samples.length; start += size) {
    let zero = 0;
    let energy = 0;
    for (let i = start + 1; i < start + size; i++) {
      const [a, b] = [wav.samples[i - 1] ?? 0, wav.samples[i] ?? 0];
      if (a < 0 !== b < 0) zero++;
      energy += b * b;
    }
    crossings.push(zero);
    loudness.push(Math.sqrt(energy / size));
  }
  return { crossings, loudness };
}

const spread = (values: number[]) => Math.max(...values) / Math.max(1, Math.min(...values));

test('Suno gives a 16-bit PCM WAV as long as asked, 30 s by default', async () => {
  const short = parseWav(await song(SUNO, { prompt: 'a song about rain', duration: 4 }));
  assert.deepEqual([short.channels, short.bits, short.sampleRate], [1, 16, 24_000]);
  assert.equal(short.samples.length, 4 * 24_000);
  const full = parseWav(await song(SUNO, { prompt: 'a song about rain' }));
  assert.equal(full.samples.length / full.sampleRate, 30);
});

test('the song is notes that change, not one steady tone', async () => {
  const wav = parseWav(await song(SUNO, { prompt: 'a song about rain', duration: 8 }));
  // Half-second windows: the pitch (zero-crossing rate) moves as the melody and chords do.
  const { crossings } = windows(wav, 0.5);
  assert.ok(spread(crossings) > 1.2, `zero crossings per window: ${crossings.join(', ')}`);
  // 50 ms windows in the first six seconds: plucked notes swell and fade.
  const { loudness } = windows({ ...wav, samples: wav.samples.subarray(0, 6 * wav.sampleRate) }, 0.05);
  assert.ok(spread(loudness) > 1.5, `loudness ranges ${Math.min(...loudness)}..${Math.max(...loudness)}`);
  assert.ok(Math.max(...loudness) > 3000, 'loud enough to hear');
});

test('the same request gives the same bytes; another prompt another tune', async () => {
  const first = await song(SUNO, { prompt: 'sea shanty', duration: 3 });
  assert.ok(first.equals(await song(SUNO, { prompt: 'sea shanty', duration: 3 })));
  const other = await song(SUNO, { prompt: 'city lights', duration: 3 });
  const [a, b] = [parseWav(first).samples, parseWav(other).samples];
  assert.equal(a.length, b.length);
  assert.ok(a.some((sample, i) => sample !== b[i]));
});
