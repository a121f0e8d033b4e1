// Replicate streams a model's stdout into `logs`; diffusion models print tqdm progress bars, one
// line per step, which clients parse for a percentage. These lines imitate tqdm's format:
//  45%|████▌     | 9/20 [00:01<00:01,  7.50it/s]

const BAR_WIDTH = 10;
const PARTIAL_BLOCKS = ' ▏▎▍▌▋▊▉';

export function progressLine(step: number, total: number, elapsedSeconds: number): string {
  const fraction = total === 0 ? 1 : step / total;
  const eighths = Math.floor(fraction * BAR_WIDTH * 8);
  const full = Math.floor(eighths / 8);
  const partial = full < BAR_WIDTH ? (PARTIAL_BLOCKS[eighths % 8] ?? ' ') : '';
  const bar = `${'█'.repeat(full)}${partial}`.padEnd(BAR_WIDTH, ' ');
  const rate = elapsedSeconds > 0 ? step / elapsedSeconds : 0;
  const remaining = rate > 0 ? (total - step) / rate : 0;
  const percent = String(Math.floor(fraction * 100)).padStart(3, ' ');
  return `${percent}%|${bar}| ${step}/${total} [${clock(elapsedSeconds)}<${clock(remaining)}, ${rate.toFixed(2).padStart(6, ' ')}it/s]`;
}

/** The log text after `done` of `total` steps have run, as Replicate shows it mid-prediction. */
export function progressLogs(opts: {
  seed: number;
  done: number;
  total: number;
  secondsPerStep: number;
}): string {
  const lines = [`Using seed: ${opts.seed}`];
  for (let step = 0; step <= opts.done; step++)
    lines.push(progressLine(step, opts.total, step * opts.secondsPerStep));
  return `${lines.join('\n')}\n`;
}

function clock(seconds: number): string {
  const whole = Math.round(seconds);
  return `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}
