// A photo tool's input picture, read the way a Replicate model gets it once the prediction runs: an
// http(s) URL is downloaded (Cog does it with `requests`), a data: URI decoded, then the bytes are
// opened as an image (PIL there, sharp here). What goes wrong fails the prediction with the message
// and exception name the Python side would print, so clients see Replicate's kind of `error`.
import sharp from 'sharp';

/** A failure inside the running model: `message` becomes the prediction's `error`. */
export class ModelRunError extends Error {
  constructor(
    message: string,
    /** The Python exception in the traceback of the logs. */
    readonly exception: string,
  ) {
    super(message);
  }
}

/** RGBA, 4 bytes a pixel, row by row from the top, upright (EXIF orientation applied). */
export type TRawImage = { pixels: Buffer; width: number; height: number };

const MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 30_000;

export async function readInputImage(uri: string, signal: AbortSignal): Promise<TRawImage> {
  const { bytes, fileName } = await fetchInputFile(uri, signal);
  try {
    const { data, info } = await sharp(bytes)
      .rotate()
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { pixels: data, width: info.width, height: info.height };
  } catch {
    // PIL's words for bytes that are not a picture it knows; Cog saves inputs under a temp folder.
    throw new ModelRunError(
      `cannot identify image file '/tmp/inputs/${fileName}'`,
      'PIL.UnidentifiedImageError',
    );
  }
}

async function fetchInputFile(
  uri: string,
  signal: AbortSignal,
): Promise<{ bytes: Buffer; fileName: string }> {
  if (uri.startsWith('data:')) {
    const match = /^data:([^;,]*)((?:;[^;,]*)*?)(;base64)?,(.*)$/s.exec(uri);
    if (!match) throw new ModelRunError('Invalid data URI', 'ValueError');
    const extension = match[1]?.split('/')[1] ?? 'bin';
    const bytes = match[3]
      ? Buffer.from(match[4] ?? '', 'base64')
      : Buffer.from(decodeURIComponent(match[4] ?? ''), 'latin1');
    return { bytes, fileName: `input.${extension}` };
  }
  const url = new URL(uri);
  const fileName = decodeURIComponent(url.pathname.split('/').at(-1) || 'input');
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.any([signal, AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS)]),
    });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const reason = cause instanceof Error ? cause.message : String(cause);
    const pool = url.protocol === 'https:' ? 'HTTPSConnectionPool' : 'HTTPConnectionPool';
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    throw new ModelRunError(
      `${pool}(host='${url.hostname}', port=${port}): Max retries exceeded with url: ${url.pathname}${url.search} (Caused by ${reason})`,
      'requests.exceptions.ConnectionError',
    );
  }
  if (!response.ok) {
    await response.body?.cancel();
    const side = response.status >= 500 ? 'Server' : 'Client';
    throw new ModelRunError(
      `${response.status} ${side} Error: ${response.statusText || 'Error'} for url: ${url.href}`,
      'requests.exceptions.HTTPError',
    );
  }
  const tooLarge = () =>
    new ModelRunError(`input file is larger than ${MAX_DOWNLOAD_BYTES} bytes`, 'ValueError');
  if (Number(response.headers.get('content-length') ?? 0) > MAX_DOWNLOAD_BYTES) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > MAX_DOWNLOAD_BYTES) throw tooLarge();
  return { bytes, fileName };
}
