// A local OpenAI-compatible API for tests and the offline sandbox. The production code keeps using
// the official `openai` SDK, pointed at it with `new OpenAI({ apiKey, baseURL: standIn.apiBase })`
// (`apiBase` is `url` + `/v1`; `url` is the bare origin, where generated files are also served at
// /files/<id>). Wire shapes, status codes and error bodies follow OpenAI's, so the SDK parses them.
// State lives in memory, per instance.
//
// Endpoints: GET /v1/models[/{id}], POST /v1/chat/completions (JSON or SSE stream),
// POST /v1/images/generations and /edits, POST /v1/audio/transcriptions, /translations and /speech,
// and the Videos API under /v1/videos. Replies are deterministic functions of the request: chat
// replies echo what the model was given (chat-reply.ts documents the exact text), images are
// gradients seeded by the prompt, transcripts come from a `SAY:<text>` marker in the audio
// (spoken-text-marker.ts), and speech output carries that marker, so speech → transcript
// round-trips. Where each endpoint is simpler than OpenAI's is said at the top of its file.
//
// Uploads may be up to `maxUploadBytes` (32 MiB by default). OpenAI itself refuses audio over 25 MB
// with 413; pass `maxUploadBytes: 25 * 1024 * 1024` to test that limit.

import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, connectableHost, type Logger, listen } from '#sandbox/http-stand-in/http-basics.ts';
import type { TFaultOptions } from '#sandbox/http-stand-in/request-faults.ts';
import { ServedFiles } from '#sandbox/http-stand-in/served-files.ts';
import { speak, transcribe } from './audio-api.ts';
import { createChatCompletion, type TStreamSettings } from './chat-completions.ts';
import { editImages, generateImages } from './images-api.ts';
import { readIncomingBody, type TIncomingBody } from './incoming-body.ts';
import { DEFAULT_MODELS, modelJson } from './model-catalog.ts';
import { invalidUrl, modelNotFound, openAiError, serverError, type TOpenAiReply } from './openai-errors.ts';
import { RequestGate, type TRateLimitOptions } from './request-gate.ts';
import { summarizeBody, type TLoggedRequest } from './request-log.ts';
import { VideoJobs } from './video-jobs.ts';
import { handleVideos } from './videos-api.ts';

export type TOpenAiStandInOptions = {
  port?: number;
  host?: string;
  /** The API keys that authenticate; any other bearer token gets 401 `invalid_api_key`. */
  keys: readonly string[];
  /** Replaces DEFAULT_MODELS (model-catalog.ts). */
  models?: readonly string[];
  /** Characters per streamed chunk (default 16) and the pause between chunks (default 0 ms). */
  stream?: Partial<TStreamSettings>;
  /** How long a video job takes from `queued` to `completed` (default 3000 ms). */
  videoDurationMs?: number;
  maxUploadBytes?: number;
  /** Origin for file URLs in responses, when clients reach the stand-in under another address. */
  publicBaseUrl?: string;
  logger?: Logger;
};

export type TOpenAiControl = {
  /** The next `count` (default 1) requests with `key` answer 429 before anything else happens. */
  rateLimitKey(key: string, count?: number, opts?: TRateLimitOptions): void;
  addKey(key: string): void;
  /** From now on the key is unknown: 401 `invalid_api_key`, as for a key deleted on the dashboard. */
  revokeKey(key: string): void;
  /** The next `count` authenticated requests (matching `path`, a prefix) fail with `status`. */
  failNext(opts?: TFaultOptions): void;
  setStreamDelay(ms: number): void;
  setStreamChunkSize(chars: number): void;
  /** The next stream drops its connection after `afterEvents` (default 2) events, without [DONE]. */
  cutNextStream(afterEvents?: number): void;
  /** For video jobs created from now on. */
  setVideoDuration(ms: number): void;
  /** While on, new video jobs end `failed` with an `error` instead of `completed`. */
  failVideoJobs(on: boolean): void;
  /** Ends a video job now, as if its duration had passed. */
  finishVideo(id: string): void;
  videos(): Record<string, unknown>[];
  requests(): readonly TLoggedRequest[];
};

export type TOpenAiStandIn = {
  /** The origin, e.g. `http://127.0.0.1:PORT`; clients append `/v1`. */
  url: string;
  /** `url` + `/v1`: the SDK's `baseURL`. */
  apiBase: string;
  close(): Promise<void>;
  control: TOpenAiControl;
};

const DEFAULT_MAX_UPLOAD_BYTES = 32 * 1024 * 1024;

export async function startOpenAiStandIn(opts: TOpenAiStandInOptions): Promise<TOpenAiStandIn> {
  const log = opts.logger ?? (() => {});
  const host = opts.host ?? '127.0.0.1';
  const models = new Set(opts.models ?? DEFAULT_MODELS);
  const knownModel = (model: string) => models.has(model);
  const gate = new RequestGate(opts.keys);
  const files = new ServedFiles();
  const jobs = new VideoJobs();
  const closing = new AbortController();
  const requestLog: TLoggedRequest[] = [];
  const stream: TStreamSettings = { chunkChars: 16, delayMs: 0, ...opts.stream };
  const streamCuts: number[] = [];
  const video = { durationMs: opts.videoDurationMs ?? 3000, fail: false };
  const videoBytes = await readFile(new URL('./fixtures/sample-video.mp4', import.meta.url));
  let origin = '';
  const fileUrl = (id: string) => `${opts.publicBaseUrl?.replace(/\/+$/, '') ?? origin}/files/${id}`;

  async function dispatch(
    res: ServerResponse,
    method: string,
    url: URL,
    body: TIncomingBody,
  ): Promise<TOpenAiReply | undefined> {
    const path = url.pathname;
    if (path === '/v1/models' && method === 'GET') {
      return { kind: 'json', status: 200, body: { object: 'list', data: [...models].map(modelJson) } };
    }
    const modelId = /^\/v1\/models\/([^/]+)$/.exec(path)?.[1];
    if (modelId !== undefined && method === 'GET') {
      const id = decodeURIComponent(modelId);
      return models.has(id) ? { kind: 'json', status: 200, body: modelJson(id) } : modelNotFound(id);
    }
    if (path === '/v1/videos' || path.startsWith('/v1/videos/')) {
      return handleVideos(
        { knownModel, jobs, videoBytes, durationMs: () => video.durationMs, failJobs: () => video.fail },
        method,
        path,
        url.searchParams,
        body,
      );
    }
    if (method !== 'POST') return undefined;
    switch (path) {
      case '/v1/chat/completions':
        return createChatCompletion(
          {
            knownModel,
            streamSettings: () => ({ ...stream }),
            closing: closing.signal,
            takeStreamCut: () => streamCuts.shift(),
          },
          body,
          res,
        );
      case '/v1/images/generations':
        return generateImages({ knownModel, files, fileUrl }, body);
      case '/v1/images/edits':
        return editImages({ knownModel, files, fileUrl }, body);
      case '/v1/audio/transcriptions':
      case '/v1/audio/translations':
        return transcribe({ knownModel }, body);
      case '/v1/audio/speech':
        return speak({ knownModel }, body);
      default:
        return undefined;
    }
  }

  async function answer(
    res: ServerResponse,
    method: string,
    url: URL,
    key: string | undefined,
    body: TIncomingBody,
  ): Promise<TOpenAiReply> {
    if (!url.pathname.startsWith('/v1/')) return invalidUrl(method, url.pathname);
    if (body.kind === 'unreadable') return openAiError(body.status, body.message);
    const refusal = gate.check(key, url.pathname);
    if (refusal) return refusal;
    return (await dispatch(res, method, url, body)) ?? invalidUrl(method, url.pathname);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://stand-in');
    if (files.serve(res, method, url.pathname)) return;
    const body = await readIncomingBody(req, opts.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES);
    const key = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const at = Date.now();
    const reply = await answer(res, method, url, key, body);
    requestLog.push({ at, method, path: url.pathname, key, status: reply.status, ...summarizeBody(body) });
    sendReply(res, reply);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      log(
        `openai stand-in: ${req.method} ${req.url} failed: ${err instanceof Error ? err.stack : String(err)}`,
      );
      if (!res.headersSent) sendReply(res, serverError(500));
      else res.destroy();
    });
  });
  const port = await listen(server, opts.port ?? 0, host);
  origin = `http://${connectableHost(host)}:${port}`;
  log(`openai stand-in: API on ${origin}/v1`);

  let closed: Promise<void> | undefined;
  return {
    url: origin,
    apiBase: `${origin}/v1`,
    // Idempotent, so test teardown can call it unconditionally.
    close: () => {
      closed ??= (async () => {
        closing.abort();
        await closeServer(server);
        log('openai stand-in: closed');
      })();
      return closed;
    },
    control: {
      rateLimitKey: (key, count = 1, rateOpts = {}) => gate.rateLimitKey(key, count, rateOpts),
      addKey: (key) => gate.addKey(key),
      revokeKey: (key) => gate.revokeKey(key),
      failNext: (faultOpts = {}) => gate.failNext(faultOpts),
      setStreamDelay: (ms) => {
        stream.delayMs = ms;
      },
      setStreamChunkSize: (chars) => {
        if (!Number.isInteger(chars) || chars < 1)
          throw new RangeError('chunk size must be a positive integer');
        stream.chunkChars = chars;
      },
      cutNextStream: (afterEvents = 2) => {
        streamCuts.push(afterEvents);
      },
      setVideoDuration: (ms) => {
        video.durationMs = ms;
      },
      failVideoJobs: (on) => {
        video.fail = on;
      },
      finishVideo: (id) => {
        if (!jobs.finish(id)) throw new Error(`openai stand-in: no video ${id}`);
      },
      videos: () => jobs.list().map((job) => jobs.json(job)),
      requests: () => requestLog,
    },
  };
}

function sendReply(res: ServerResponse, reply: TOpenAiReply): void {
  if (reply.kind === 'sent') return;
  const headers: Record<string, string> = {
    'x-request-id': `req_${randomBytes(16).toString('hex')}`,
    'cache-control': 'no-store',
  };
  if (reply.kind === 'json') {
    res.writeHead(reply.status, { ...headers, 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.body));
  } else if (reply.kind === 'text') {
    res.writeHead(reply.status, { ...headers, 'content-type': reply.contentType });
    res.end(reply.text);
  } else {
    res.writeHead(reply.status, {
      ...headers,
      'content-type': reply.contentType,
      'content-length': String(reply.bytes.length),
    });
    res.end(reply.bytes);
  }
}
