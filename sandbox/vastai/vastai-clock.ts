// The stand-in's own clock: rentals run and earn against it. By default it follows real time;
// started at a fixed `now` it stands still, so tests move it only with `advance` and never wait.
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export class StandInClock {
  private offsetMs = 0;
  private readonly frozenAt: number | undefined;

  constructor(now?: Date) {
    this.frozenAt = now?.getTime();
  }

  now(): number {
    return (this.frozenAt ?? Date.now()) + this.offsetMs;
  }

  advance(hours: number): void {
    if (!Number.isFinite(hours) || hours < 0) throw new Error(`vastai stand-in: cannot advance ${hours} h`);
    this.offsetMs += Math.round(hours * HOUR_MS);
  }
}
