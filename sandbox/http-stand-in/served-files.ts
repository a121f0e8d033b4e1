// Generated files (images, audio, video) that a stand-in hands out by URL, the way providers link
// to their CDN: `GET <origin>/files/<id>` needs no auth, like OpenAI's pre-signed image URLs and
// Replicate's replicate.delivery links. Kept in memory for the life of the stand-in.
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';

export type TServedFile = { bytes: Buffer; contentType: string };

export class ServedFiles {
  private readonly files = new Map<string, TServedFile>();

  /** `extension` ends the id, so clients that guess a type from the URL guess right. */
  add(file: TServedFile, extension: string): string {
    const id = `${randomBytes(12).toString('hex')}.${extension}`;
    this.files.set(id, file);
    return id;
  }

  get(id: string): TServedFile | undefined {
    return this.files.get(id);
  }

  /** Answers `GET /files/<id>`; returns false when the path is not one of these files' paths. */
  serve(res: ServerResponse, method: string, path: string): boolean {
    const id = /^\/files\/([^/]+)$/.exec(path)?.[1];
    if (id === undefined) return false;
    const file = method === 'GET' || method === 'HEAD' ? this.files.get(id) : undefined;
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return true;
    }
    res.writeHead(200, {
      'content-type': file.contentType,
      'content-length': String(file.bytes.length),
      'cache-control': 'no-store',
    });
    res.end(method === 'HEAD' ? undefined : file.bytes);
    return true;
  }
}
