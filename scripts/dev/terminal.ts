import { createInterface, type Interface } from 'node:readline';

export interface TerminalHandlers {
  /** Lines run one after another, in the order typed, even when pasted faster than they finish. */
  onLine: (line: string) => Promise<void>;
  /** Ctrl-C, Ctrl-D, or the end of piped input. */
  onQuit: () => void;
}

/**
 * The prompt and everything printed around it. Bot messages arrive while the person is typing, so output
 * is written above the prompt and the half-typed line is redrawn under it rather than interleaved with it.
 */
export class Terminal {
  readonly #rl: Interface;
  readonly #interactive: boolean;
  #queue: Promise<void> = Promise.resolve();

  constructor(handlers: TerminalHandlers) {
    this.#interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
    this.#rl = createInterface({ input: process.stdin, output: process.stdout, terminal: this.#interactive });
    this.#rl.on('line', (line) => {
      this.#queue = this.#queue.then(async () => {
        try {
          await handlers.onLine(line);
        } catch (error) {
          this.print(`! ${error instanceof Error ? error.message : String(error)}`);
        }
        this.#rl.prompt();
      });
    });
    // With a listener here readline no longer turns Ctrl-C into a SIGINT of the process.
    this.#rl.on('SIGINT', handlers.onQuit);
    // Piped input ends before its lines have run: let them finish first.
    this.#rl.on('close', () => void this.#queue.then(handlers.onQuit));
  }

  setPrompt(prompt: string): void {
    this.#rl.setPrompt(prompt);
  }

  prompt(): void {
    this.#rl.prompt();
  }

  print(text: string): void {
    if (!this.#interactive) {
      console.log(text);
      return;
    }
    process.stdout.write('\r\x1b[2K');
    console.log(text);
    this.#rl.prompt(true);
  }

  close(): void {
    this.#rl.removeAllListeners('close');
    this.#rl.close();
  }
}
