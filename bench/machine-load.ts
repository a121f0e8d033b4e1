import { cpus } from 'node:os';

export interface TCpuSnapshot {
  /** This process: user + system microseconds. */
  processMicros: number;
  /** Whole machine, summed over cores, in milliseconds. */
  busyMs: number;
  at: number;
}

export function cpuSnapshot(): TCpuSnapshot {
  let busyMs = 0;
  for (const { times } of cpus()) busyMs += times.user + times.nice + times.sys + times.irq;
  const usage = process.cpuUsage();
  return { processMicros: usage.user + usage.system, busyMs, at: performance.now() };
}

/**
 * How many cores this process and the whole machine kept busy between two snapshots. A load generator
 * that uses a whole core, or a machine with every core busy, caps throughput: the figures then describe
 * the harness or the machine, not the code under test.
 */
export function cpuBetween(
  from: TCpuSnapshot,
  to: TCpuSnapshot,
): { processCores: number; machineCores: number } {
  const wallMs = to.at - from.at;
  return {
    processCores: (to.processMicros - from.processMicros) / 1000 / wallMs,
    machineCores: (to.busyMs - from.busyMs) / wallMs,
  };
}
