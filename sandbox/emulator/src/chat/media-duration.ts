import type { TMediaKind } from '../../contract/host-api.ts';

/** How long the browser waits for a file's metadata before sending it without a duration. */
const METADATA_TIMEOUT_MS = 3_000;

/**
 * A Telegram client reads the length of audio, video and voice from the file before sending it; the
 * browser's media elements do the same here. Undefined for other kinds or files it cannot decode.
 */
export function mediaDuration(kind: TMediaKind, file: File): Promise<number | undefined> {
  if (kind !== 'audio' && kind !== 'video' && kind !== 'voice') return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const element = document.createElement(kind === 'video' ? 'video' : 'audio');
    const url = URL.createObjectURL(file);
    const done = (seconds: number | undefined) => {
      clearTimeout(timer);
      URL.revokeObjectURL(url);
      resolve(seconds !== undefined && Number.isFinite(seconds) ? Math.round(seconds) : undefined);
    };
    const timer = setTimeout(() => done(undefined), METADATA_TIMEOUT_MS);
    element.preload = 'metadata';
    element.onloadedmetadata = () => done(element.duration);
    element.onerror = () => done(undefined);
    element.src = url;
  });
}
