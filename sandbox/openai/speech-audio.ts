// The stand-in's text-to-speech: a tone whose length follows the text (about 65 ms a character,
// at least half a second), carrying the text as a spoken-text marker so a transcription of the
// result gives it back.
//
// Formats: `wav` is a real 24 kHz 16-bit mono WAV, `pcm` the same samples raw (as OpenAI sends
// them), `mp3` a real but silent MP3 (mp3-silence.ts). `opus`, `aac` and `flac` would each need an
// encoder, so they get the WAV bytes under their own content type; a client that only forwards the
// bytes cannot tell, one that decodes them must be tested with `wav`, `pcm` or `mp3`.
import { createHash } from 'node:crypto';
import { silentMp3 } from './mp3-silence.ts';
import { spokenTextMarker } from './spoken-text-marker.ts';
import { encodeWav, sineTone } from './wav-audio.ts';

export const SPEECH_FORMATS = ['mp3', 'opus', 'aac', 'flac', 'wav', 'pcm'] as const;
export type TSpeechFormat = (typeof SPEECH_FORMATS)[number];

const CONTENT_TYPES: Record<TSpeechFormat, string> = {
  mp3: 'audio/mpeg',
  opus: 'audio/opus',
  aac: 'audio/aac',
  flac: 'audio/flac',
  wav: 'audio/wav',
  pcm: 'audio/pcm',
};

// OpenAI's speech models produce 24 kHz audio.
const SAMPLE_RATE = 24_000;
const MAX_SECONDS = 300;

export function speechSeconds(text: string, speed = 1): number {
  return Math.min(MAX_SECONDS, Math.max(0.5, (text.length * 0.065) / speed));
}

export function synthesizeSpeech(opts: {
  text: string;
  voice: string;
  format: TSpeechFormat;
  speed?: number;
}): { bytes: Buffer; contentType: string } {
  const seconds = speechSeconds(opts.text, opts.speed);
  const marker = spokenTextMarker(opts.text);
  const contentType = CONTENT_TYPES[opts.format];
  if (opts.format === 'mp3') return { bytes: silentMp3(seconds, marker), contentType };
  // Each voice gets its own pitch, between 150 and 400 Hz, so two voices give different audio.
  const frequency = 150 + (createHash('sha256').update(opts.voice).digest().readUInt16BE(0) % 250);
  const pcm = sineTone({ frequency, seconds, sampleRate: SAMPLE_RATE });
  if (opts.format === 'pcm') {
    // Raw samples have nowhere to hide a marker, so pcm does not round-trip through transcription.
    return {
      bytes: Buffer.from(pcm.samples.buffer, pcm.samples.byteOffset, pcm.samples.byteLength),
      contentType,
    };
  }
  return { bytes: encodeWav(pcm, marker), contentType };
}
