// Audio carries no text a stand-in could "hear", so a transcript is read from a marker instead:
// `SAY:<text>` anywhere in the bytes, ended by a NUL byte or the end of the file. The stand-in's
// speech output embeds the marker (a WAV comment, an MP3 ID3 tag), so text → speech → transcript
// round-trips, and a test can upload `Buffer.from('SAY:hello')` as its "recording".

const MARKER = Buffer.from('SAY:', 'latin1');
const MAX_TEXT_BYTES = 64 * 1024;

/** The marker bytes for `text`, NUL-terminated so it can sit in front of more binary data. */
export function spokenTextMarker(text: string): Buffer {
  return Buffer.concat([MARKER, Buffer.from(text, 'utf8'), Buffer.from([0])]);
}

export function findSpokenText(bytes: Buffer): string | undefined {
  const start = bytes.indexOf(MARKER);
  if (start === -1) return undefined;
  const textStart = start + MARKER.length;
  const nul = bytes.indexOf(0, textStart);
  const end = Math.min(nul === -1 ? bytes.length : nul, textStart + MAX_TEXT_BYTES);
  return bytes.toString('utf8', textStart, end).trim();
}
