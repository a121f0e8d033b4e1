import { spawn } from 'node:child_process';
import { ROOT } from './dev-config.ts';
import { DevSetupError } from './dev-setup-error.ts';

/**
 * Runs a project tool from the repository root with its output held back: the terminal stays readable on
 * success, and on failure the whole output is in the error, where the reader needs it.
 */
export function runCommand(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0
        ? resolve()
        : reject(
            new DevSetupError(`"${[command, ...args].join(' ')}" failed (exit ${code}):\n${output.trim()}`),
          ),
    );
  });
}
