import { Counter, Histogram, type Registry } from 'prom-client';

export interface BotMetrics {
  updates: Counter<'bot' | 'type'>;
  latency: Histogram<'bot'>;
  errors: Counter<'bot'>;
}

export function createBotMetrics(registry: Registry): BotMetrics {
  return {
    updates: new Counter({
      name: 'polygram_bot_updates_total',
      help: 'Telegram updates handled, by bot and update type',
      labelNames: ['bot', 'type'],
      registers: [registry],
    }),
    latency: new Histogram({
      name: 'polygram_bot_handler_seconds',
      help: 'Time from receiving an update to finishing its handlers',
      labelNames: ['bot'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'polygram_bot_errors_total',
      help: 'Updates whose handlers threw',
      labelNames: ['bot'],
      registers: [registry],
    }),
  };
}
