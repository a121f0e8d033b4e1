import { mkdir, writeFile } from 'node:fs/promises';
import type { TBenchReport } from './types.ts';

const RESULTS_DIR = new URL('./results/', import.meta.url);

/** `<ISO timestamp>.json` keeps the history; `latest.json` is what tools and people diff against. */
export async function writeResults(report: TBenchReport): Promise<string[]> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  // Colons are not allowed in Windows file names, and some tools choke on them.
  const stamped = new URL(`${report.startedAt.replace(/:/g, '-')}.json`, RESULTS_DIR);
  const latest = new URL('latest.json', RESULTS_DIR);
  await writeFile(stamped, json);
  await writeFile(latest, json);
  return [stamped.pathname, latest.pathname];
}
