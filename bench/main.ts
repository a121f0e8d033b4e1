/**
 * `npm run bench [name …]`: runs every benchmark entry (or only the named ones) one after the other, never
 * in parallel, since they would compete for the same cores. Prints one table and writes
 * bench/results/<ISO timestamp>.json (colons as dashes) and bench/results/latest.json. A failed correctness
 * check fails the run with a non-zero exit code: figures of a system that drops or doubles work are worthless.
 *
 * Figures depend on the machine and on whatever else runs on it; compare runs from one machine, and read
 * the notes under each block (which process was the bottleneck). BENCH_PROFILE_DIR=<dir> writes a CPU
 * profile of each process under test.
 */
import { aiQueueBench } from './ai-queue/index.ts';
import { aiStreamingBench } from './ai-streaming/index.ts';
import { botUpdatesBench } from './bot-updates/index.ts';
import { broadcastBench } from './broadcast/index.ts';
import { ledgerBench } from './ledger/index.ts';
import { describeMachine, gitCommit } from './machine.ts';
import { miniAppBench } from './miniapp/index.ts';
import { formatTable } from './print-table.ts';
import type { TBenchModule, TBenchReport, TBenchResult } from './types.ts';
import { vpnBench } from './vpn/index.ts';
import { vpnExpiryScanBench } from './vpn-expiry-scan/index.ts';
import { writeResults } from './write-results.ts';

const BENCHMARKS: TBenchModule[] = [
  botUpdatesBench,
  ledgerBench,
  broadcastBench,
  aiStreamingBench,
  aiQueueBench,
  miniAppBench,
  vpnBench,
  vpnExpiryScanBench,
];

async function main() {
  const startedAt = new Date().toISOString();
  const machine = describeMachine();
  console.log(
    `machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb} GB, node ${machine.node}, load ${machine.loadAverage}\n`,
  );
  const only = process.argv.slice(2);
  const selected = only.length > 0 ? BENCHMARKS.filter((b) => only.includes(b.name)) : BENCHMARKS;
  if (selected.length === 0)
    throw new Error(
      `no benchmark named ${only.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`,
    );

  const results: TBenchResult[] = [];
  for (const bench of selected) {
    console.log(`running ${bench.name} …`);
    results.push(await bench.run());
  }
  const report: TBenchReport = {
    startedAt,
    finishedAt: new Date().toISOString(),
    gitCommit: gitCommit(),
    machine,
    results,
  };
  console.log(`\n${formatTable(results)}`);
  const files = await writeResults(report);
  console.log(`results: ${files.join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
