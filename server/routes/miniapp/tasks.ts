import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod/mini';
import type { TAiJob } from '#core/ai/generation/generation-job.ts';
import { VIDEO_ASPECTS, videoSecondsOf } from '#core/ai/generation/generation-rules.ts';
import { offeredModels } from '#core/ai/models/offered-models.ts';
import type { User } from '#core/db/generated/client.ts';
import { AppError } from '#core/errors/app-error.ts';
import type { TFileStore } from '#core/files/file-store.ts';
import { addMaterial } from '#core/video-tasks/add-material.ts';
import { createTask } from '#core/video-tasks/create-task.ts';
import { deleteTask } from '#core/video-tasks/delete-task.ts';
import { editTask } from '#core/video-tasks/edit-task.ts';
import { getTask } from '#core/video-tasks/get-task.ts';
import { listTasks } from '#core/video-tasks/list-tasks.ts';
import { quoteTask } from '#core/video-tasks/quote-task.ts';
import { removeMaterial } from '#core/video-tasks/remove-material.ts';
import { replaceMaterial } from '#core/video-tasks/replace-material.ts';
import { runTask } from '#core/video-tasks/run-task.ts';
import {
  type TStartedRun,
  type TTaskDetails,
  type TTaskList,
  type TTaskModels,
  type TTaskQuote,
  ZAddMaterialSchema,
  ZCreateTaskSchema,
  ZEditTaskSchema,
  ZReplaceMaterialSchema,
  ZStartRunSchema,
} from '#server/contracts/tasks.ts';
import type { ServerDeps } from '#server/deps.ts';
import { toTaskDetails, toTaskRun, toTaskSummary } from './task-views.ts';

export type TTaskRouteDeps = ServerDeps & {
  fileStore: TFileStore;
  fileUrlKey: Buffer;
  aiQueue: Queue<TAiJob>;
};

type TIdParams = { id: string };
type TMaterialParams = { id: string; materialId: string };

const ID = /^\d{1,19}$/;

function idOf(raw: string): bigint {
  // A malformed id is "not found", like anyone else's task: ids must not be probed.
  if (!ID.test(raw)) throw new AppError('NOT_FOUND');
  return BigInt(raw);
}

function accountOf(request: FastifyRequest): User {
  if (!request.account) throw new AppError('UNAUTHORIZED');
  return request.account;
}

function bodyOf<TSchema extends z.ZodMiniType>(schema: TSchema, body: unknown): z.infer<TSchema> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new AppError('INVALID_INPUT');
  return parsed.data;
}

/**
 * The video tasks of the vgen spec (core/video-tasks/): list, create, edit, materials (uploaded first through
 * POST /api/files, attached here by id), the quote and the runs. Every change answers with the whole task,
 * so the page shows exactly what the server holds. Someone else's task is NOT_FOUND.
 */
export function taskRoutes(api: FastifyInstance, deps: TTaskRouteDeps) {
  const { db } = deps;
  const details = async (userId: bigint, taskId: bigint): Promise<TTaskDetails> =>
    toTaskDetails(await getTask(db, { userId, taskId }), deps.fileUrlKey);

  api.get('/api/tasks/models', async (request): Promise<TTaskModels> => {
    accountOf(request);
    const models = await offeredModels(deps, { kind: 'video' });
    return {
      models: models.map((m) => ({
        id: m.id,
        name: m.displayName,
        price: m.tokenPrice.toString(),
        seconds: [...videoSecondsOf(m.id)],
        aspects: [...VIDEO_ASPECTS],
      })),
    };
  });

  api.get('/api/tasks', async (request): Promise<TTaskList> => {
    const account = accountOf(request);
    const tasks = await listTasks(db, { userId: account.id });
    return { tasks: tasks.map(toTaskSummary) };
  });

  api.post('/api/tasks', async (request, reply): Promise<TTaskDetails> => {
    const account = accountOf(request);
    const task = await createTask(db, { userId: account.id, ...bodyOf(ZCreateTaskSchema, request.body) });
    reply.status(201);
    return details(account.id, task.id);
  });

  api.get<{ Params: TIdParams }>('/api/tasks/:id', async (request): Promise<TTaskDetails> => {
    const account = accountOf(request);
    return details(account.id, idOf(request.params.id));
  });

  api.patch<{ Params: TIdParams }>('/api/tasks/:id', async (request): Promise<TTaskDetails> => {
    const account = accountOf(request);
    const taskId = idOf(request.params.id);
    await editTask(db, { userId: account.id, taskId, ...bodyOf(ZEditTaskSchema, request.body) });
    return details(account.id, taskId);
  });

  api.delete<{ Params: TIdParams }>('/api/tasks/:id', async (request, reply) => {
    const account = accountOf(request);
    await deleteTask(db, { userId: account.id, taskId: idOf(request.params.id) });
    return reply.status(204).send();
  });

  api.post<{ Params: TIdParams }>(
    '/api/tasks/:id/materials',
    async (request, reply): Promise<TTaskDetails> => {
      const account = accountOf(request);
      const taskId = idOf(request.params.id);
      await addMaterial(db, { userId: account.id, taskId, ...bodyOf(ZAddMaterialSchema, request.body) });
      reply.status(201);
      return details(account.id, taskId);
    },
  );

  api.put<{ Params: TMaterialParams }>(
    '/api/tasks/:id/materials/:materialId',
    async (request): Promise<TTaskDetails> => {
      const account = accountOf(request);
      const taskId = idOf(request.params.id);
      const { fileId } = bodyOf(ZReplaceMaterialSchema, request.body);
      await replaceMaterial(db, {
        userId: account.id,
        taskId,
        materialId: idOf(request.params.materialId),
        fileId,
      });
      return details(account.id, taskId);
    },
  );

  api.delete<{ Params: TMaterialParams }>(
    '/api/tasks/:id/materials/:materialId',
    async (request): Promise<TTaskDetails> => {
      const account = accountOf(request);
      const taskId = idOf(request.params.id);
      await removeMaterial(db, { userId: account.id, taskId, materialId: idOf(request.params.materialId) });
      return details(account.id, taskId);
    },
  );

  api.get<{ Params: TIdParams }>('/api/tasks/:id/quote', async (request): Promise<TTaskQuote> => {
    const account = accountOf(request);
    const quote = await quoteTask(deps, { userId: account.id, taskId: idOf(request.params.id) });
    return { ...quote, price: quote.price.toString(), available: quote.available.toString() };
  });

  api.post<{ Params: TIdParams }>('/api/tasks/:id/runs', async (request, reply): Promise<TStartedRun> => {
    const account = accountOf(request);
    const { expectedPrice } = bodyOf(ZStartRunSchema, request.body);
    const started = await runTask(
      { db, redis: deps.redis, keyPrefix: deps.config.REDIS_PREFIX, ai: deps.ai, queue: deps.aiQueue },
      {
        userId: account.id,
        taskId: idOf(request.params.id),
        language: account.language,
        source: 'miniapp',
        expectedPrice: expectedPrice === undefined ? undefined : BigInt(expectedPrice),
      },
    );
    reply.status(201);
    return { run: toTaskRun(started.run, null, deps.fileUrlKey, new Date()), regenerate: started.regenerate };
  });
}
