import { execFileSync } from 'node:child_process';
import { arch, availableParallelism, cpus, loadavg, platform, totalmem } from 'node:os';
import type { TMachine } from './types.ts';

export function describeMachine(): TMachine {
  return {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    // availableParallelism honours CPU affinity (containers, taskset), which cpus().length does not.
    cores: availableParallelism(),
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: platform(),
    arch: arch(),
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

/** The commit the figures belong to; null outside a git checkout. */
export function gitCommit(): string | null {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: 'pipe' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8', stdio: 'pipe' }).trim();
    return dirty ? `${head}+dirty` : head;
  } catch {
    return null;
  }
}
