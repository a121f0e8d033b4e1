import type { AdminBotContext } from '#bots/shared/context.ts';
import { escapeHtml } from '#bots/shared/format.ts';
import { findCatalogModel } from '#core/ai/model-catalog.ts';
import type { TAiStats, TAiStatsLine } from '#core/ai/stats/ai-stats.ts';

/** "850 ms", "12.4 s", "3 min 5 s": generation times range from a chat reply to a long video. */
export function durationText(ctx: AdminBotContext, ms: number | null): string {
  if (ms === null) return ctx.t('admin-ai-duration-none');
  if (ms < 1_000) return ctx.t('admin-ai-duration-ms', { value: String(ms) });
  if (ms < 60_000) {
    const seconds = new Intl.NumberFormat(ctx.lang === 'ru' ? 'ru-RU' : 'en-US', {
      maximumFractionDigits: 1,
    }).format(ms / 1_000);
    return ctx.t('admin-ai-duration-s', { value: seconds });
  }
  const total = Math.round(ms / 1_000);
  return ctx.t('admin-ai-duration-min', {
    minutes: String(Math.floor(total / 60)),
    seconds: String(total % 60),
  });
}

const counts = (ctx: AdminBotContext, line: TAiStatsLine) => ({
  requests: String(line.requests),
  succeeded: String(line.succeeded),
  failed: String(line.failed),
  pending: String(line.pending),
  canceled: String(line.canceled),
  cacheHits: String(line.cacheHits),
  avg: durationText(ctx, line.avgMs),
  p95: durationText(ctx, line.p95Ms),
});

/** `/aistats`: totals, then by kind, by model and the commonest failure reasons. */
export function renderAiStats(ctx: AdminBotContext, stats: TAiStats, days: number): string {
  const lines = [ctx.t('admin-ai-stats-title', { days })];
  if (stats.total.requests === 0) return [...lines, ctx.t('admin-ai-stats-none')].join('\n');
  const share = new Intl.NumberFormat(ctx.lang === 'ru' ? 'ru-RU' : 'en-US', {
    maximumFractionDigits: 1,
  }).format((stats.total.cacheHits / stats.total.requests) * 100);
  lines.push(ctx.t('admin-ai-stats-total', { ...counts(ctx, stats.total), cacheShare: share }));
  lines.push('', ctx.t('admin-ai-stats-kinds-title'));
  for (const kind of stats.byKind)
    lines.push(
      ctx.t('admin-ai-stats-kind-line', { ...counts(ctx, kind), kind: ctx.t(`admin-ai-kind-${kind.kind}`) }),
    );
  lines.push('', ctx.t('admin-ai-stats-models-title'));
  for (const model of stats.byModel) {
    const name = findCatalogModel(model.modelId)?.displayName ?? model.modelId;
    lines.push(ctx.t('admin-ai-stats-model-line', { ...counts(ctx, model), name: escapeHtml(name) }));
  }
  lines.push('', ctx.t('admin-ai-stats-failures-title'));
  if (stats.topFailures.length === 0) lines.push(ctx.t('admin-ai-stats-no-failures'));
  for (const failure of stats.topFailures)
    lines.push(
      ctx.t('admin-ai-stats-failure-line', {
        code: escapeHtml(failure.errorCode),
        count: String(failure.count),
      }),
    );
  return lines.join('\n');
}
