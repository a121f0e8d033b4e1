// RIFF/WAVE with 16-bit PCM: the one audio format simple enough to write by hand that every
// player, ffmpeg and Telegram's "audio" messages accept.

export type TPcm = { samples: Int16Array; sampleRate: number };

/** `comment` goes into a LIST/INFO ICMT chunk after the samples, where readers that expect the
 * canonical 44-byte header never look. */
export function encodeWav(pcm: TPcm, comment?: Buffer): Buffer {
  const data = Buffer.from(pcm.samples.buffer, pcm.samples.byteOffset, pcm.samples.byteLength);
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(1, 0); // PCM
  fmt.writeUInt16LE(1, 2); // mono
  fmt.writeUInt32LE(pcm.sampleRate, 4);
  fmt.writeUInt32LE(pcm.sampleRate * 2, 8); // byte rate
  fmt.writeUInt16LE(2, 12); // block align
  fmt.writeUInt16LE(16, 14); // bits per sample
  const chunks = [riffChunk('fmt ', fmt), riffChunk('data', data)];
  if (comment) {
    chunks.push(
      riffChunk('LIST', Buffer.concat([Buffer.from('INFO', 'latin1'), riffChunk('ICMT', comment)])),
    );
  }
  const body = Buffer.concat([Buffer.from('WAVE', 'latin1'), ...chunks]);
  const header = Buffer.alloc(8);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length, 4);
  return Buffer.concat([header, body]);
}

function riffChunk(id: string, data: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.write(id, 0, 'latin1');
  header.writeUInt32LE(data.length, 4);
  // RIFF chunks are word-aligned: an odd-sized one is followed by a pad byte not counted in its size.
  return Buffer.concat([header, data, Buffer.alloc(data.length % 2)]);
}

/** Seconds of sound in a PCM WAV file, or undefined when the bytes are not one. */
export function wavDurationSeconds(bytes: Buffer): number | undefined {
  if (
    bytes.length < 12 ||
    bytes.toString('latin1', 0, 4) !== 'RIFF' ||
    bytes.toString('latin1', 8, 12) !== 'WAVE'
  ) {
    return undefined;
  }
  let byteRate: number | undefined;
  for (let offset = 12; offset + 8 <= bytes.length; ) {
    const id = bytes.toString('latin1', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    if (id === 'fmt ' && offset + 16 <= bytes.length) byteRate = bytes.readUInt32LE(offset + 16);
    if (id === 'data') return byteRate ? size / byteRate : undefined;
    offset += 8 + size + (size % 2);
  }
  return undefined;
}

/** A sine tone with short fades, so it starts and stops without clicks. */
export function sineTone(opts: { frequency: number; seconds: number; sampleRate: number }): TPcm {
  const count = Math.max(1, Math.round(opts.seconds * opts.sampleRate));
  const fade = Math.min(Math.round(opts.sampleRate * 0.02), Math.floor(count / 2));
  const samples = new Int16Array(count);
  for (let i = 0; i < count; i++) {
    const envelope = Math.min(1, i / Math.max(1, fade), (count - 1 - i) / Math.max(1, fade));
    samples[i] = Math.round(Math.sin((2 * Math.PI * opts.frequency * i) / opts.sampleRate) * envelope * 8000);
  }
  return { samples, sampleRate: opts.sampleRate };
}
