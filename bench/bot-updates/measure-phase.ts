import { cpus } from 'node:os';
import { cpuBetween, cpuSnapshot } from '#bench/machine-load.ts';
import { round, summarize } from '#bench/stats.ts';
import type { TBenchRow } from '#bench/types.ts';
import type { TBotChild } from './bot-child.ts';
import { driveLoad, type TLoadPhase } from './drive-load.ts';

/**
 * One measured phase: figures from the load driver, plus where the CPU went meanwhile. The bot's CPU per
 * update is the figure that does not depend on the machine: on a small one the bench process (local Bot API
 * and load generator) and the database take cores the bot would otherwise use.
 */
export async function measurePhase(
  row: { key: string; label: string },
  bot: TBotChild,
  load: TLoadPhase,
): Promise<TBenchRow> {
  const botBefore = await bot.cpuMicros();
  const before = cpuSnapshot();
  const { latenciesMs, wallMs } = await driveLoad(load);
  const after = cpuSnapshot();
  const botAfter = await bot.cpuMicros();

  const figures = summarize(latenciesMs, wallMs);
  const botCpuMs = (botAfter - botBefore) / 1000;
  const bench = cpuBetween(before, after);
  const botCores = botCpuMs / wallMs;
  return {
    ...row,
    figures: { ...figures, cpuMsPerOp: round(botCpuMs / figures.operations), cpuCores: round(botCores, 2) },
    details: {
      window: load.window,
      botProcessCores: round(botCores, 2),
      benchProcessCores: round(bench.processCores, 2),
      // Postgres, Redis, and anything else running on the machine (other test runs make figures noisy).
      otherCores: round(Math.max(0, bench.machineCores - botCores - bench.processCores), 2),
      machineBusyPercent: round((bench.machineCores / cpus().length) * 100, 1),
    },
  };
}
