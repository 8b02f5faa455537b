import { spawn } from 'node:child_process';
import { Command, CommanderError } from 'commander';
import { EXIT_CODES } from '../../errors/exit-codes';
import { ReportedError } from '../../errors/user-input-error';
import { CliIo } from '../io';

/** What one step printed and how it ended. */
export interface StepResult {
  /** Exit code: 0 passed; otherwise the step's documented code (lib/errors/exit-codes.ts). */
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** A failure that is a bug (not a ReportedError), to rethrow after the summary. */
  readonly bug?: unknown;
}

/**
 * Runs another `nhs-cloud` command in this process, exactly as its flags would on the command
 * line, capturing its output and its exit code instead of exiting: `check` runs the same
 * commands pr.yml runs, without paying a process start for each.
 */
export async function runCommandInProcess(
  factory: (io: CliIo) => Command,
  args: readonly string[],
): Promise<StepResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    out: (t) => void (stdout += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => void (stderr += t.endsWith('\n') ? t : `${t}\n`),
  };
  const command = factory(io)
    .exitOverride()
    .configureOutput({ writeOut: (t) => void (stdout += t), writeErr: (t) => void (stderr += t) });
  try {
    await command.parseAsync([...args], { from: 'user' });
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (error instanceof CommanderError)
      return { code: error.exitCode === 0 ? 0 : EXIT_CODES.badInput, stdout, stderr };
    if (ReportedError.is(error))
      return { code: error.exitCode, stdout, stderr: `${stderr}${error.message}\n` };
    return { code: EXIT_CODES.internalError, stdout, stderr: `${stderr}${String(error)}\n`, bug: error };
  }
}

/** Runs a program to completion, capturing its output (bounded to the last 2 MB of each stream). */
export function runProcess(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<StepResult> {
  return new Promise((resolve) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const keep = (text: string) => (text.length > 2_000_000 ? text.slice(-2_000_000) : text);
    child.stdout.on('data', (chunk: Buffer) => (stdout = keep(stdout + chunk.toString())));
    child.stderr.on('data', (chunk: Buffer) => (stderr = keep(stderr + chunk.toString())));
    child.on('error', (error) =>
      resolve({ code: EXIT_CODES.internalError, stdout, stderr: `${stderr}${error.message}\n`, bug: error }),
    );
    child.on('close', (code, signal) =>
      resolve({ code: code ?? 1, stdout, stderr: signal ? `${stderr}killed by ${signal}\n` : stderr }),
    );
  });
}
