import { randomBytes } from 'node:crypto';
import { startBigQueryStandIn } from '#sandbox/bigquery/bigquery-stand-in.ts';
import { defineStandIn } from './stand-in.ts';

/** BigQuery's streaming inserts: the worker's analytics export writes there as well as to NDJSON files. */
export const bigqueryStandIn = defineStandIn({
  async start(ctx) {
    const project = 'polygram-sandbox';
    const dataset = 'analytics';
    const token = `bq-${randomBytes(12).toString('hex')}`;
    const server = await startBigQueryStandIn({ port: ctx.port('bigquery'), token });
    return {
      name: 'the BigQuery stand-in',
      url: server.url,
      env: {
        BIGQUERY_API_URL: server.url,
        BIGQUERY_PROJECT: project,
        BIGQUERY_DATASET: dataset,
        BIGQUERY_ACCESS_TOKEN: token,
      },
      control: { ...server.control, project, dataset },
      close: () => server.close(),
    };
  },
});
