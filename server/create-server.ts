import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { AppError } from '#core/errors/app-error.ts';
import { apiRateLimit } from './api-rate-limit.ts';
import { miniAppAuth } from './auth/miniapp-auth.ts';
import type { ServerDeps } from './deps.ts';
import { sendError } from './errors.ts';
import { adminMiniAppApi } from './routes/admin/admin-api.ts';
import { devInitDataRoute } from './routes/dev/init-data.ts';
import { fileDownloadRoutes } from './routes/files/file-download.ts';
import { withFiles } from './routes/files/file-route-deps.ts';
import { healthRoutes } from './routes/health.ts';
import { internalApiRoutes } from './routes/internal/internal-api.ts';
import { metricsRoutes } from './routes/metrics.ts';
import { MINIAPP_ROUTES } from './routes/miniapp/miniapp-routes.ts';
import { vpnImportRoutes } from './routes/vpn-import.ts';
import { cryptoPayWebhookRoutes } from './routes/webhooks/cryptopay.ts';
import { remnawaveWebhookRoutes } from './routes/webhooks/remnawave.ts';
import { telegramWebhookRoutes } from './routes/webhooks/telegram.ts';
import { yooKassaWebhookRoutes } from './routes/webhooks/yookassa.ts';

/** The HTTP side of the app process: Mini App API, Telegram webhooks, health, metrics and the built Mini App. */
export async function createServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    // pino's Logger is a FastifyBaseLogger; the cast keeps Fastify's default generics for route modules.
    loggerInstance: deps.logger.child({ component: 'http' }) as FastifyBaseLogger,
    // Only proxies on private networks are believed about X-Forwarded-For: proxy-addr reads the header from
    // the right and stops at the first untrusted hop, so a client cannot claim a YooKassa address.
    trustProxy: deps.config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    disableRequestLogging: true,
  });
  app.decorateRequest('account', null);
  app.setErrorHandler((error, request, reply) => {
    const { validation, statusCode } = error as { validation?: unknown; statusCode?: number };
    // Fastify's own refusals (malformed JSON, wrong content type) are the client's fault, not a 500.
    const invalid = validation || (statusCode !== undefined && statusCode >= 400 && statusCode < 500);
    return sendError(deps.translator, request, reply, invalid ? new AppError('INVALID_INPUT') : error);
  });

  // Before any route: a client over its hourly limit is refused before authentication or a body is read.
  app.addHook('onRequest', apiRateLimit(deps));

  healthRoutes(app, deps);
  metricsRoutes(app, deps);
  vpnImportRoutes(app, deps);
  telegramWebhookRoutes(app, deps);
  yooKassaWebhookRoutes(app, deps);
  await cryptoPayWebhookRoutes(app, deps);
  await remnawaveWebhookRoutes(app, deps);
  if (deps.config.DEV_AUTH) devInitDataRoute(app, deps);
  // Admin token instead of initData; mounted only when ADMIN_API_TOKEN is set.
  await internalApiRoutes(app, deps);
  const files = withFiles(deps);
  // Signed URLs instead of initData: <img> and <video> cannot send an Authorization header.
  if (files) fileDownloadRoutes(app, files);

  // The admin bot's Mini App: initData signed with the admin bot's token, the staff role on every call.
  await adminMiniAppApi(app, deps);
  await app.register(async (api) => {
    api.addHook('onRequest', miniAppAuth(deps));
    for (const routes of MINIAPP_ROUTES) await routes(api, deps);
  });

  if (deps.miniAppDir && existsSync(deps.miniAppDir)) {
    await app.register(fastifyStatic, { root: deps.miniAppDir, prefix: '/', index: ['index.html'] });
    // Unknown paths outside /api fall back to the app's index so deep links survive a reload.
    app.setNotFoundHandler((request, reply) =>
      request.url.startsWith('/api/')
        ? sendError(deps.translator, request, reply, new AppError('NOT_FOUND'))
        : reply.sendFile('index.html'),
    );
  }
  return app;
}
