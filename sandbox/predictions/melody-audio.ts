// The stand-in's "song" for music models (Suno, MusicGen): a short piece in a key, tempo and chord
// progression picked from a hash of the request, so the same prompt always gives the same bytes and
// two prompts sound different. Four-bar phrases in an A A B A form: a plucked melody on eighth notes
// leaning on chord tones, a strummed chord and a bass note on each bar, and a soft kick on the beat.
// Notes are additive sines under a fast-attack, exponential-decay envelope, which reads as plucked.
import { createHash } from 'node:crypto';
import type { TPcm } from '#sandbox/openai/wav-audio.ts';
import { seededRandom } from './seeded-random.ts';

const MAJOR = [0, 2, 4, 5, 7, 9, 11];
const MINOR = [0, 2, 3, 5, 7, 8, 10];
/** Scale degrees (0 = the tonic) of four-chord progressions pop songs lean on. */
const PROGRESSIONS = [
  [0, 4, 5, 3],
  [5, 3, 0, 4],
  [0, 5, 3, 4],
  [1, 4, 0, 5],
];
/** Melody moves by small steps, up as often as down. */
const STEPS = [-2, -1, -1, 1, 1, 2];
const BEATS_PER_BAR = 4;
const BARS_PER_PHRASE = 4;
const PHRASE_FORM = ['A', 'A', 'B', 'A'];
const ATTACK_SECONDS = 0.004;
/** ln(100): a note is cut where its envelope is down to 1%. */
const DECAY_SPAN = 4.6;
/** Partials of a plucked note: multiple of the pitch, level, decay time as a share of the note's. */
const HARMONICS = [
  { multiple: 1, level: 1, decay: 1 },
  { multiple: 2, level: 0.5, decay: 0.5 },
  { multiple: 3, level: 0.25, decay: 0.3 },
];

type TNote = { start: number; midi: number; amplitude: number; decay: number };
type TPhrase = { degree: number; length: number }[][];

export function renderMelody(opts: { seed: string; seconds: number; sampleRate: number }): TPcm {
  const random = seededRandom(createHash('sha256').update(opts.seed).digest().readUInt32BE(0));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const tonic = 55 + Math.floor(random() * 10);
  const scale = random() < 0.5 ? MAJOR : MINOR;
  const progression = pick(PROGRESSIONS);
  const beat = 60 / (84 + Math.floor(random() * 48));
  const bar = beat * BEATS_PER_BAR;
  const phrases = { A: composePhrase(random, progression), B: composePhrase(random, progression) };
  const midiOf = (degree: number) =>
    tonic + 12 * Math.floor(degree / 7) + (scale[((degree % 7) + 7) % 7] ?? 0);

  const notes: TNote[] = [];
  const kicks: number[] = [];
  for (let b = 0; b * bar < opts.seconds; b++) {
    const at = b * bar;
    const chord = progression[b % BARS_PER_PHRASE] ?? 0;
    const phrase = phrases[PHRASE_FORM[Math.floor(b / BARS_PER_PHRASE) % PHRASE_FORM.length] as 'A' | 'B'];
    notes.push({ start: at, midi: midiOf(chord) - 24, amplitude: 0.45, decay: Math.min(0.7, bar * 0.3) });
    notes.push({
      start: at + bar / 2,
      midi: midiOf(chord) - 24,
      amplitude: 0.35,
      decay: Math.min(0.5, bar * 0.2),
    });
    [0, 2, 4].forEach((step, i) => {
      notes.push({
        start: at + i * 0.018,
        midi: midiOf(chord + step) - 12,
        amplitude: 0.16,
        decay: Math.min(0.9, bar * 0.4),
      });
    });
    for (let k = 0; k < BEATS_PER_BAR; k++) kicks.push(at + k * beat);
    let offset = 0;
    for (const note of phrase[b % BARS_PER_PHRASE] ?? []) {
      if (note.degree >= 0) {
        notes.push({
          start: at + offset * (beat / 2),
          midi: midiOf(note.degree),
          amplitude: 0.32,
          decay: 0.28 * note.length,
        });
      }
      offset += note.length;
    }
  }
  return mix(notes, kicks, opts);
}

/** Eighth notes walking the scale, on a chord tone at each half bar; -1 is a rest. */
function composePhrase(random: () => number, progression: number[]): TPhrase {
  let degree = 7 + Math.floor(random() * 5);
  return progression.map((chord) => {
    const bar: TPhrase[number] = [];
    for (let eighth = 0; eighth < BEATS_PER_BAR * 2; ) {
      const length = eighth < 6 && random() < 0.25 ? 2 : 1;
      if (eighth % 4 === 0) {
        // Land on the nearest tone of the bar's chord, an octave or so above it.
        const tones = [0, 2, 4].map((s) => chord + s + 7);
        degree = tones.reduce((best, t) => (Math.abs(t - degree) < Math.abs(best - degree) ? t : best));
        bar.push({ degree, length });
      } else if (random() < 0.15) {
        bar.push({ degree: -1, length });
      } else {
        degree = Math.min(16, Math.max(5, degree + (STEPS[Math.floor(random() * STEPS.length)] ?? 0)));
        bar.push({ degree, length });
      }
      eighth += length;
    }
    return bar;
  });
}

function mix(notes: TNote[], kicks: number[], opts: { seconds: number; sampleRate: number }): TPcm {
  const rate = opts.sampleRate;
  const count = Math.max(1, Math.round(opts.seconds * rate));
  const buffer = new Float32Array(count);
  const waves = new Map<string, Float32Array>();
  for (const note of notes) addPluck(buffer, note, rate, waves);
  for (const at of kicks) {
    const first = Math.round(at * rate);
    const last = Math.min(count, first + Math.round(0.25 * rate));
    let phase = 0;
    for (let i = first; i < last; i++) {
      const t = (i - first) / rate;
      phase += (2 * Math.PI * (50 + 70 * Math.exp(-t / 0.03))) / rate;
      buffer[i] = (buffer[i] ?? 0) + 0.5 * Math.exp(-t / 0.07) * Math.sin(phase);
    }
  }
  return normalized(buffer, rate);
}

/** Adds the note's waveform, rendered once per pitch and decay: a song repeats few distinct notes. */
function addPluck(buffer: Float32Array, note: TNote, rate: number, waves: Map<string, Float32Array>): void {
  const key = `${note.midi}:${note.decay}`;
  let wave = waves.get(key);
  if (!wave) {
    wave = pluckWave(note.midi, note.decay, rate);
    waves.set(key, wave);
  }
  const first = Math.round(note.start * rate);
  const length = Math.min(wave.length, buffer.length - first);
  for (let i = 0; i < length; i++)
    buffer[first + i] = (buffer[first + i] ?? 0) + note.amplitude * (wave[i] ?? 0);
}

function pluckWave(midi: number, decay: number, rate: number): Float32Array {
  const frequency = 440 * 2 ** ((midi - 69) / 12);
  // Past 1% of its level a note is inaudible under the others.
  const wave = new Float32Array(Math.round(decay * DECAY_SPAN * rate));
  const attack = Math.max(1, ATTACK_SECONDS * rate);
  // Upper harmonics die faster than the fundamental, as on a plucked string.
  for (const partial of HARMONICS) {
    const w = (2 * Math.PI * frequency * partial.multiple) / rate;
    const fade = Math.exp(-1 / (decay * partial.decay * rate));
    let level = partial.level;
    for (let i = 0; i < wave.length; i++) {
      wave[i] = (wave[i] ?? 0) + level * Math.min(1, i / attack) * Math.sin(w * i);
      level *= fade;
    }
  }
  return wave;
}

/** Peak at 85% of full scale, with a short fade-in and a one-second fade-out so it ends cleanly. */
function normalized(buffer: Float32Array, sampleRate: number): TPcm {
  let peak = 0;
  for (const v of buffer) peak = Math.max(peak, Math.abs(v));
  const gain = peak > 0 ? (0.85 * 32767) / peak : 0;
  const fadeIn = Math.min(buffer.length, Math.round(0.01 * sampleRate));
  const fadeOut = Math.min(Math.floor(buffer.length / 4), sampleRate);
  const samples = new Int16Array(buffer.length);
  for (let i = 0; i < buffer.length; i++) {
    const fade = Math.min(1, i / Math.max(1, fadeIn), (buffer.length - 1 - i) / Math.max(1, fadeOut));
    samples[i] = Math.round((buffer[i] ?? 0) * gain * Math.max(0, fade));
  }
  return { samples, sampleRate };
}
