import { resolve } from 'node:path';
import type { TEnv } from '#core/config/env.ts';
import type { TAnalyticsSink } from './analytics-sink.ts';
import { createBigQuerySink } from './bigquery-sink.ts';
import { createNdjsonSink } from './ndjson-sink.ts';

/** NDJSON files always; BigQuery when its project, dataset and token are set (env.ts checks they go together). */
export function configuredSinks(config: TEnv): TAnalyticsSink[] {
  const sinks = [createNdjsonSink({ dir: resolve(config.ANALYTICS_DIR) })];
  const { BIGQUERY_PROJECT: project, BIGQUERY_DATASET: dataset, BIGQUERY_ACCESS_TOKEN: token } = config;
  if (project && dataset && token) {
    sinks.push(
      createBigQuerySink({
        apiUrl: config.BIGQUERY_API_URL,
        project,
        dataset,
        table: config.BIGQUERY_TABLE,
        accessToken: () => token,
      }),
    );
  }
  return sinks;
}
