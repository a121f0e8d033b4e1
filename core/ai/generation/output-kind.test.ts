import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkOutputKind } from './output-kind.ts';

// The first bytes of each format, as the files themselves begin; nothing past them is read.
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(32)]);
const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), Buffer.alloc(32)]);
const WEBP = Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'), Buffer.alloc(32)]);
const MP4 = Buffer.concat([
  Buffer.from('00000018', 'hex'),
  Buffer.from('ftypisom\0\0\0\0isommp42', 'latin1'),
]);
const WAV = Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'), Buffer.alloc(32)]);
const MP3 = Buffer.concat([Buffer.from('ID3\x04\x00\x00', 'latin1'), Buffer.alloc(32)]);
const MPEG_FRAME = Buffer.concat([Buffer.from('fffb9064', 'hex'), Buffer.alloc(32)]);
const OGG = Buffer.concat([Buffer.from('OggS\x00\x02', 'latin1'), Buffer.alloc(32)]);
const SVG = Buffer.from(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/></svg>',
);
const HTML = Buffer.from('<!doctype html><html><body>502 Bad Gateway</body></html>');
const NOISE = Buffer.from([0, 1, 2, 3, 0, 5, 6, 7]);

const out = (bytes: Buffer, mimeType = 'application/octet-stream') => ({ bytes, mimeType });

test('a result of the kind the model sells passes, with the type its bytes bear out', () => {
  assert.deepEqual(checkOutputKind('image', out(PNG, 'image/png')), { ok: true, mimeType: 'image/png' });
  assert.deepEqual(checkOutputKind('image', out(JPEG)), { ok: true, mimeType: 'image/jpeg' });
  assert.deepEqual(checkOutputKind('image', out(WEBP, 'image/webp')), { ok: true, mimeType: 'image/webp' });
  assert.deepEqual(checkOutputKind('video', out(MP4)), { ok: true, mimeType: 'video/mp4' });
  assert.deepEqual(checkOutputKind('video', out(MP4, 'video/quicktime')), {
    ok: true,
    mimeType: 'video/quicktime',
  });
  assert.deepEqual(checkOutputKind('audio', out(WAV, 'audio/x-wav')), { ok: true, mimeType: 'audio/wav' });
  assert.deepEqual(checkOutputKind('audio', out(MP3)), { ok: true, mimeType: 'audio/mpeg' });
  assert.deepEqual(checkOutputKind('audio', out(MPEG_FRAME, 'audio/mpeg')), {
    ok: true,
    mimeType: 'audio/mpeg',
  });
  assert.deepEqual(checkOutputKind('audio', out(OGG)), { ok: true, mimeType: 'audio/ogg' });
  assert.deepEqual(checkOutputKind('svg', out(SVG, 'image/svg+xml')), {
    ok: true,
    mimeType: 'image/svg+xml',
  });
  // A label the bytes contradict is not believed: these bytes are a film whatever the provider called them.
  assert.deepEqual(checkOutputKind('video', out(MP4, 'image/png')), { ok: true, mimeType: 'video/mp4' });
});

test('another kind is an unexpected output, named by what the bytes are', () => {
  const refused = (asked: Parameters<typeof checkOutputKind>[0], bytes: Buffer, mimeType?: string) => {
    const check = checkOutputKind(asked, out(bytes, mimeType));
    assert.equal(check.ok, false);
    return check.ok ? '' : check.message;
  };
  assert.equal(refused('video', JPEG, 'image/jpeg'), 'unexpected output: asked video, got image/jpeg');
  assert.equal(refused('video', PNG, 'video/mp4'), 'unexpected output: asked video, got image/png');
  assert.equal(refused('audio', PNG), 'unexpected output: asked audio, got image/png');
  assert.equal(refused('image', MP4, 'image/png'), 'unexpected output: asked image, got video/mp4');
  assert.equal(refused('image', WAV), 'unexpected output: asked image, got audio/wav');
  // A vector drawing is not the photo a raster model sells, nor a photo the drawing a vectorizer sells.
  assert.equal(refused('image', SVG), 'unexpected output: asked image, got image/svg+xml');
  assert.equal(refused('svg', PNG), 'unexpected output: asked svg, got image/png');
  // A proxy's error page instead of the file, and bytes of no known kind.
  assert.equal(refused('image', HTML, 'image/png'), 'unexpected output: asked image, got text/plain');
  assert.equal(
    refused('video', NOISE, 'video/mp4; codecs=avc1'),
    'unexpected output: asked video, got unrecognised bytes labelled video/mp4',
  );
  assert.equal(
    refused('audio', Buffer.alloc(0), ''),
    'unexpected output: asked audio, got unrecognised bytes labelled nothing',
  );
});
