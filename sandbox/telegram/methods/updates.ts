import type { WebhookInfo } from 'grammy/types';
import { z } from 'zod';
import { badRequest, conflict } from '#sandbox/telegram/bot-api/api-error.ts';
import { DescribedResult, defineMethod, type MethodTable } from '#sandbox/telegram/bot-api/define-method.ts';
import { bool, int, json, str } from '#sandbox/telegram/bot-api/params.ts';
import type { UpdateType } from '#sandbox/telegram/types.ts';

const allowedUpdatesSchema = json(
  z.array(z.string()),
  "Bad Request: can't parse allowed_updates JSON object",
);

export const updateMethods: MethodTable = {
  /**
   * Long polling: `offset` confirms (drops) earlier updates, `timeout`
   * seconds waits for the first update when none is queued, `limit` caps the
   * batch at 1-100, `allowed_updates` sticks for later calls.
   */
  getUpdates: defineMethod(
    z.object({
      offset: int().optional(),
      limit: int().optional(),
      timeout: int().optional(),
      allowed_updates: allowedUpdatesSchema.optional(),
    }),
    async (params, ctx) => {
      if (ctx.bot.webhook) {
        throw conflict(
          "can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
        );
      }
      const queue = ctx.bot.updates;
      if (params.allowed_updates) queue.setAllowedUpdates(params.allowed_updates);
      if (params.offset !== undefined) queue.confirm(params.offset);
      const limit = Math.min(100, Math.max(1, params.limit ?? 100));
      await queue.waitForUpdates(Math.max(0, params.timeout ?? 0) * 1000, ctx.signal);
      return queue.peek(limit);
    },
  ),

  /**
   * Simplification: plain http:// URLs on any port are accepted (Telegram
   * requires HTTPS on ports 443, 80, 88 or 8443) so local test servers work,
   * and `certificate` / `ip_address` are ignored.
   */
  setWebhook: defineMethod(
    z.object({
      url: str(),
      max_connections: int().optional(),
      allowed_updates: allowedUpdatesSchema.optional(),
      drop_pending_updates: bool().optional(),
      secret_token: str().optional(),
    }),
    (params, ctx) => {
      if (params.url === '') {
        const wasSet = ctx.bot.webhook !== undefined;
        ctx.state.deleteWebhook(ctx.bot);
        return new DescribedResult(true, wasSet ? 'Webhook was deleted' : 'Webhook is already deleted');
      }
      let url: URL;
      try {
        url = new URL(params.url);
      } catch {
        throw badRequest('bad webhook: Failed to resolve host: Name or service not known');
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
      }
      if (params.secret_token !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(params.secret_token)) {
        throw badRequest('secret token contains unallowed characters');
      }
      if (params.drop_pending_updates) ctx.bot.updates.clear();
      if (params.allowed_updates) ctx.bot.updates.setAllowedUpdates(params.allowed_updates);
      const unchanged =
        ctx.bot.webhook?.url === params.url && ctx.bot.webhook.secretToken === params.secret_token;
      ctx.state.setWebhook(ctx.bot, {
        url: params.url,
        maxConnections: params.max_connections ?? 40,
        ...(params.secret_token !== undefined ? { secretToken: params.secret_token } : {}),
      });
      return new DescribedResult(true, unchanged ? 'Webhook is already set' : 'Webhook was set');
    },
  ),

  deleteWebhook: defineMethod(z.object({ drop_pending_updates: bool().optional() }), (params, ctx) => {
    const wasSet = ctx.bot.webhook !== undefined;
    ctx.state.deleteWebhook(ctx.bot);
    if (params.drop_pending_updates) ctx.bot.updates.clear();
    return new DescribedResult(true, wasSet ? 'Webhook was deleted' : 'Webhook is already deleted');
  }),

  getWebhookInfo: defineMethod(z.object({}), (_params, ctx): WebhookInfo => {
    const webhook = ctx.bot.webhook;
    const info: WebhookInfo = {
      url: webhook?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: ctx.bot.updates.size,
    };
    if (!webhook) return info;
    const allowed = ctx.bot.updates.allowedUpdates;
    return {
      ...info,
      ip_address: '127.0.0.1',
      max_connections: webhook.maxConnections,
      ...(webhook.lastErrorDate !== undefined ? { last_error_date: webhook.lastErrorDate } : {}),
      ...(webhook.lastErrorMessage !== undefined ? { last_error_message: webhook.lastErrorMessage } : {}),
      ...(allowed ? { allowed_updates: allowed as Array<UpdateType> } : {}),
    };
  }),
};
