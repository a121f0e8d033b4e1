// `npm run sandbox`: the whole platform offline in one command, opened from one URL (the chat emulator).
// PostgreSQL and Redis are found or started, the database migrated and seeded with demo data, and every
// outside service replaced by a local stand-in. See scripts/sandbox/README.md.
import { DevSetupError } from '#scripts/dev/dev-setup-error.ts';
import { renderSandboxBanner } from './sandbox-banner.ts';
import { readSandboxConfig } from './sandbox-config.ts';
import { SandboxLauncher, SandboxStopped } from './start-sandbox.ts';
import { onStopSignals } from './stop-signals.ts';

const step = (text: string) => console.log(`· ${text}`);

/** A process that failed to start carries all its output; the end holds the reason, the files the rest. */
function lastLines(text: string, count = 30): string {
  const lines = text.split('\n');
  return lines.length <= count ? text : [lines[0], '…', ...lines.slice(-count)].join('\n');
}

function explain(error: unknown): string {
  if (error instanceof DevSetupError) return error.message;
  if (error instanceof Error && / before it was ready|did not log /.test(error.message))
    return `${lastLines(error.message)}\n\nFull logs: .sandbox/logs/`;
  if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE')
    return `${error.message}: another program took the port while the sandbox was starting; try again.`;
  return `npm run sandbox failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}

async function main(): Promise<number> {
  let config: ReturnType<typeof readSandboxConfig>;
  try {
    config = readSandboxConfig(process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
  let exitCode = 0;
  // Resolved by a signal or by a crashed app process: the sandbox runs until then.
  let requestStop: () => void = () => undefined;
  const stopRequested = new Promise<void>((resolve) => {
    requestStop = resolve;
  });
  const launcher = new SandboxLauncher(config, {
    step,
    onUnexpectedExit: (name, tail) => {
      console.error(
        `\nThe ${name} stopped unexpectedly. Its last lines (.sandbox/logs/${name}.log):\n${tail}`,
      );
      exitCode = 1;
      requestStop();
    },
  });
  const stopListening = onStopSignals({
    stop: (signal) => {
      console.log('\nStopping everything the sandbox started… (press Ctrl-C again to force)');
      exitCode = signal === 'SIGINT' ? 130 : 143;
      // Also ends a start in progress: it stops at its next step and unwinds.
      void launcher.stop();
      requestStop();
    },
    force: () => {
      console.error('Forced: killing what the sandbox started.');
      launcher.kill();
      process.exit(1);
    },
  });

  try {
    const sandbox = await launcher.start();
    console.log(
      renderSandboxBanner({
        url: sandbox.url,
        where: sandbox.where,
        logDir: config.logDir,
        root: config.root,
        color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
      }),
    );
    await stopRequested;
  } catch (error) {
    // A failed start has already stopped what it started.
    if (!(error instanceof SandboxStopped)) {
      console.error(`\n${explain(error)}`);
      exitCode = 1;
    }
  }
  const problems = await launcher.stop();
  stopListening();
  for (const problem of problems) console.error(`  could not stop ${problem}`);
  return problems.length > 0 ? 1 : exitCode;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
