import type { TJobDefinition } from '#workers/runtime/job-definition.ts';

/**
 * The definition with some `every` schedules (by scheduler id) run at another interval, so a test sees a
 * run within milliseconds; everything else about the definition stays as production has it.
 */
export function everyMs(definition: TJobDefinition, intervals: Record<string, number>): TJobDefinition {
  const schedules = definition.schedules;
  if (!schedules) throw new Error(`${definition.id} has no schedules`);
  return {
    ...definition,
    schedules: (ctx) =>
      schedules(ctx).map((schedule) => {
        const every = intervals[schedule.id];
        if (every === undefined) return schedule;
        if (!('every' in schedule)) throw new Error(`${schedule.id} is not an interval schedule`);
        return { ...schedule, every };
      }),
  };
}
