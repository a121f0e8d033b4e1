// `/v1` of the stand-in, after auth and fault injection: POST /v1/predictions (`version` as
// "owner/name", "owner/name:<id>" or a bare version id of a known model, or `model`),
// POST /v1/models/{owner}/{name}/predictions, GET /v1/predictions[/{id}],
// POST /v1/predictions/{id}/cancel. Creation answers 201; `Prefer: wait[=seconds]` holds the answer
// until the prediction finishes or the time (default and maximum 60 s) is up, as Replicate does.
//
// Not implemented: webhooks, `stream` URLs, deployments, trainings, files, and the model and
// collection catalogue endpoints. Any "owner/name" is accepted as a model, and any version id
// after the colon as its version; only a bare version id must name a model the stand-in knows.
import type { IncomingHttpHeaders } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { TResolvedModel } from './model-specs.ts';
import { isFinal, type PredictionStore } from './prediction-store.ts';
import { notFound, problem, type TReply } from './replicate-errors.ts';
import { refuseToolInput } from './tool-inputs.ts';

export type TPredictionApiContext = {
  store: PredictionStore;
  model(name: string): TResolvedModel;
  /** The model whose version id this is, among those the stand-in knows. */
  modelByVersion(version: string): TResolvedModel | undefined;
  /** The next draw of the seeded sequence: does a new prediction of this model fail? */
  drawFailure(model: TResolvedModel): boolean;
  closing: AbortSignal;
};

const ZInputSchema = z.record(z.string(), z.unknown());

const ZCreateSchema = z.object({
  version: z.string().min(1).optional(),
  model: z
    .string()
    .regex(/^[\w.-]+\/[\w.-]+$/)
    .optional(),
  input: ZInputSchema,
});

const ZModelCreateSchema = z.object({ input: ZInputSchema });

const MAX_WAIT_SECONDS = 60;

export async function handlePredictionApi(
  ctx: TPredictionApiContext,
  method: string,
  path: string,
  headers: IncomingHttpHeaders,
  json: unknown,
): Promise<TReply> {
  if (path === '/v1/predictions' && method === 'POST') {
    const parsed = ZCreateSchema.safeParse(json);
    if (!parsed.success) return invalidInput(parsed.error);
    const reference = parsed.data.version ?? parsed.data.model;
    if (reference === undefined) {
      const field = { type: 'required', field: 'version', description: 'version is required' };
      return problem(422, 'Input validation failed', '- version: version is required', {
        invalid_fields: [field],
      });
    }
    const model = pickModel(ctx, reference);
    if (!model) {
      // A bare version id says nothing about the model; the stand-in knows only those declared in `models`.
      const detail =
        "The specified version does not exist (or perhaps you don't have permission to use it?). Stand-in: declare it as `models['owner/name'].version`.";
      return problem(422, 'Invalid version or not permitted', detail);
    }
    return create(ctx, model, parsed.data.input, headers);
  }
  const modelPath = /^\/v1\/models\/([\w.-]+)\/([\w.-]+)\/predictions$/.exec(path);
  if (modelPath && method === 'POST') {
    const parsed = ZModelCreateSchema.safeParse(json);
    if (!parsed.success) return invalidInput(parsed.error);
    return create(ctx, ctx.model(`${modelPath[1]}/${modelPath[2]}`), parsed.data.input, headers);
  }
  if (path === '/v1/predictions' && method === 'GET') {
    const results = ctx.store.list().map((p) => ctx.store.json(p));
    return { status: 200, body: { previous: null, next: null, results } };
  }
  const [, id, action] = /^\/v1\/predictions\/([a-z0-9]+)(?:\/(cancel))?$/.exec(path) ?? [];
  if (id === undefined) return notFound();
  const prediction = ctx.store.get(id);
  if (!prediction) return notFound();
  if (action === undefined && method === 'GET') return { status: 200, body: ctx.store.json(prediction) };
  if (action === 'cancel' && method === 'POST') {
    ctx.store.cancel(prediction);
    return { status: 200, body: ctx.store.json(prediction) };
  }
  return problem(405, 'Method not allowed', `${method} is not allowed on ${path}`);
}

function pickModel(ctx: TPredictionApiContext, reference: string): TResolvedModel | undefined {
  const [name, version] = reference.split(':');
  if (name?.includes('/')) {
    const model = ctx.model(name);
    return version ? { ...model, version } : model;
  }
  return ctx.modelByVersion(reference);
}

async function create(
  ctx: TPredictionApiContext,
  model: TResolvedModel,
  input: Record<string, unknown>,
  headers: IncomingHttpHeaders,
): Promise<TReply> {
  const refused = model.tool && refuseToolInput(model.tool, input);
  if (refused) return refused;
  const prediction = ctx.store.create(model, input, ctx.drawFailure(model));
  const waitSeconds = preferWait(headers.prefer);
  if (waitSeconds !== undefined) {
    const deadline = Date.now() + waitSeconds * 1000;
    const waitMs = Math.min(deadline, ctx.store.settlesAt(prediction)) - Date.now();
    try {
      if (waitMs > 0) await sleep(waitMs, undefined, { signal: ctx.closing });
      // A photo tool may still be at work on its input when its delay is up.
      if (!isFinal(ctx.store.status(prediction)))
        await waitAtMost(ctx, ctx.store.worked(prediction), deadline);
    } catch {
      // close() cut the wait short: answer with the prediction as it stands.
    }
  }
  return { status: 201, body: ctx.store.json(prediction) };
}

async function waitAtMost(ctx: TPredictionApiContext, work: Promise<void>, deadline: number): Promise<void> {
  const settled = new AbortController();
  const signal = AbortSignal.any([ctx.closing, settled.signal]);
  const timeUp = sleep(Math.max(0, deadline - Date.now()), undefined, { signal }).catch(() => {});
  await Promise.race([work, timeUp]);
  settled.abort();
}

/** `Prefer: wait` or `Prefer: wait=N` (1..60 seconds); undefined without the header. */
function preferWait(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header.join(',') : header;
  const match = /(?:^|[,;\s])wait(?:=(\d+))?(?:$|[,;\s])/.exec(value ?? '');
  if (!match) return undefined;
  return Math.min(MAX_WAIT_SECONDS, Math.max(1, Number(match[1] ?? MAX_WAIT_SECONDS)));
}

function invalidInput(error: z.ZodError): TReply {
  const fields = error.issues.map((issue) => ({
    type: issue.code,
    field: issue.path.join('.') || 'body',
    description: issue.message,
  }));
  const detail = fields.map((f) => `- ${f.field}: ${f.description}`).join('\n');
  return problem(422, 'Input validation failed', detail, { invalid_fields: fields });
}
