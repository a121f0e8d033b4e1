import type { TExportRow } from './analytics-events.ts';

/**
 * Where exported events go. `write` must be idempotent per event_id: the exporter advances its cursor only
 * after `write` returned, so a crash between the two sends the same rows again.
 */
export interface TAnalyticsSink {
  /** Also the cursor's key in analytics_cursors: a new name starts from the first event. */
  name: string;
  write(rows: TExportRow[]): Promise<void>;
}
