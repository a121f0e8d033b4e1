import type { TCatalogModel } from '#core/ai/model-catalog.ts';
import type { TBinaryOutput } from '#core/ai/providers/provider-types.ts';
import {
  fileTypesMatching,
  HEAD_BYTES,
  isRasterImage,
  normalizeMimeType,
  type TFileType,
} from '#core/files/file-types.ts';

/** What a model sells, as the catalog says (`output`). */
export type TOutputKind = TCatalogModel['output'];

// An MP4 container passes for audio: an .m4a is one, and only its tracks (not read here) tell a song from
// a film. Everything else is told apart by its first bytes.
const FITS: Record<TOutputKind, (type: TFileType) => boolean> = {
  text: (type) => type.mimeType === 'text/plain',
  image: isRasterImage,
  svg: (type) => type.mimeType === 'image/svg+xml',
  video: (type) => type.kind === 'video',
  audio: (type) => type.kind === 'audio',
};

export type TOutputCheck = { ok: true; mimeType: string } | { ok: false; message: string };

/**
 * Whether a provider's output is the kind of thing the model sells, judged by the bytes (a provider's label
 * is only what it says). A picture for a video request is the provider's failure, never a result. When the
 * bytes fit, `mimeType` is their type: the provider's label if the bytes bear it out, else what they are.
 */
export function checkOutputKind(asked: TOutputKind, output: TBinaryOutput): TOutputCheck {
  const types = fileTypesMatching(output.bytes.subarray(0, HEAD_BYTES));
  const fitting = types.filter(FITS[asked]);
  const declared = normalizeMimeType(output.mimeType);
  const chosen = fitting.find((type) => type.mimeType === declared) ?? fitting[0];
  if (chosen) return { ok: true, mimeType: chosen.mimeType };
  const got = types[0]?.mimeType ?? `unrecognised bytes labelled ${declared || 'nothing'}`;
  return { ok: false, message: `unexpected output: asked ${asked}, got ${got}` };
}
