// A real MP3 without an encoder: MPEG-1 Layer III frames whose side information is all zero
// decode to silence, so repeating one such frame gives a valid stream of any length. An ID3v2.4
// tag in front can carry text (the stand-in's spoken-text marker); players skip it.

// 0xFFFB: frame sync, MPEG-1, Layer III, no CRC. 0x90: 128 kbit/s, 44.1 kHz, no padding.
// 0xC0: mono. A frame is then floor(144 * 128000 / 44100) = 417 bytes and plays 1152 samples.
const FRAME_HEADER = Buffer.from([0xff, 0xfb, 0x90, 0xc0]);
const FRAME_BYTES = 417;
const FRAME_SECONDS = 1152 / 44_100;

export function silentMp3(seconds: number, tagText?: Buffer): Buffer {
  const frame = Buffer.alloc(FRAME_BYTES);
  FRAME_HEADER.copy(frame);
  const frames = Math.max(1, Math.ceil(seconds / FRAME_SECONDS));
  const audio = Buffer.alloc(frames * FRAME_BYTES);
  for (let i = 0; i < frames; i++) frame.copy(audio, i * FRAME_BYTES);
  return tagText ? Buffer.concat([id3Tag(tagText), audio]) : audio;
}

/** ID3v2.4 with one TXXX frame (UTF-8, description "comment"). */
function id3Tag(text: Buffer): Buffer {
  const content = Buffer.concat([Buffer.from([0x03]), Buffer.from('comment\0', 'latin1'), text]);
  const frameHeader = Buffer.concat([
    Buffer.from('TXXX', 'latin1'),
    syncsafe(content.length),
    Buffer.alloc(2),
  ]);
  const frame = Buffer.concat([frameHeader, content]);
  return Buffer.concat([Buffer.from([0x49, 0x44, 0x33, 0x04, 0x00, 0x00]), syncsafe(frame.length), frame]);
}

/** ID3v2.4 sizes use 7 bits per byte so that no size byte can look like an MP3 frame sync. */
function syncsafe(size: number): Buffer {
  return Buffer.from([(size >>> 21) & 0x7f, (size >>> 14) & 0x7f, (size >>> 7) & 0x7f, size & 0x7f]);
}
