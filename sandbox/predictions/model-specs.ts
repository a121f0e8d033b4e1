// Which kind of output a model gives and how it behaves. Models need no registration: the kind is
// guessed from the name ("video" → video; "vector"/"svg" → vectorize; "audio", "music", "tts",
// "speech", "voice" → audio; anything else → image), and the version id is a SHA-256 of the name,
// 64 hex digits like Replicate's. `models` in the options overrides any of it per model.
import { createHash } from 'node:crypto';

export type TModelKind = 'image' | 'video' | 'audio' | 'vectorize';

export type TModelSpec = {
  kind?: TModelKind;
  /** The version id that `version` may name; default derived from the model name. */
  version?: string;
  /** From creation to a final status; default from `defaults`. */
  delayMs?: number;
  /** 0..1, drawn from the stand-in's seeded random sequence. */
  failureRate?: number;
  /** `array` (Replicate's image models) or `single` (one URL, as video and audio models give). */
  output?: 'single' | 'array';
};

export type TResolvedModel = Required<TModelSpec> & { name: string };

export type TModelDefaults = { delayMs: number; failureRate: number };

export function guessKind(name: string): TModelKind {
  const lower = name.toLowerCase();
  if (lower.includes('video')) return 'video';
  if (/vector|svg/.test(lower)) return 'vectorize';
  if (/audio|music|tts|speech|voice/.test(lower)) return 'audio';
  return 'image';
}

export function defaultVersion(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

export function resolveModel(
  name: string,
  spec: TModelSpec | undefined,
  defaults: TModelDefaults,
): TResolvedModel {
  const kind = spec?.kind ?? guessKind(name);
  return {
    name,
    kind,
    version: spec?.version ?? defaultVersion(name),
    delayMs: spec?.delayMs ?? defaults.delayMs,
    failureRate: spec?.failureRate ?? defaults.failureRate,
    output: spec?.output ?? (kind === 'image' ? 'array' : 'single'),
  };
}
