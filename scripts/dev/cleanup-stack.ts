/**
 * What the dev script started, stopped in reverse order exactly once, whichever way it ends (`:quit`,
 * Ctrl-C, SIGTERM, a crashed app, a failed start). Only these things: nothing it did not start is touched.
 */
export class CleanupStack {
  readonly #steps: { name: string; run: () => Promise<unknown> | unknown }[] = [];
  #running: Promise<string[]> | null = null;

  get isEmpty(): boolean {
    return this.#steps.length === 0;
  }

  add(name: string, run: () => Promise<unknown> | unknown): void {
    this.#steps.push({ name, run });
  }

  /** Resolves with a line per step that failed; a failed step does not keep the others from running. */
  run(): Promise<string[]> {
    this.#running ??= (async () => {
      const problems: string[] = [];
      for (const step of [...this.#steps].reverse()) {
        try {
          await step.run();
        } catch (error) {
          problems.push(`${step.name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      return problems;
    })();
    return this.#running;
  }
}
