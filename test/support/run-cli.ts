import { Command } from 'commander';
import { buildProgram } from '../../lib/cli/program';
import { handleError } from '../../lib/cli/handle-error';
import { CliIo } from '../../lib/cli/io';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real CLI in-process through commander's parseAsync, capturing output and exit code. */
export function runCli(args: string[]): Promise<CliRun> {
  return runProgram((io) => buildProgram(io, args[0]), args);
}

/**
 * Runs a program built by `build` with the CLI's own error handler and a stubbed
 * process.exit. Tests of commands that take extra factory settings pass their own builder.
 */
export async function runProgram(build: (io: CliIo) => Command, args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    out: (t) => void (stdout += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => void (stderr += t),
  };
  const exit = jest.spyOn(process, 'exit').mockImplementation(((code?: number) => {
    throw new ExitSignal(code ?? 0);
  }) as never);
  try {
    const program = build(io).exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
    // Commander prints a subcommand's usage errors through the subcommand's own settings.
    for (const command of program.commands) command.configureOutput({ writeOut: io.out, writeErr: io.err });
    await program.parseAsync(['node', 'nhs-cloud', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (error instanceof ExitSignal) return { code: error.code, stdout, stderr };
    const commanderExit = (error as { code?: string }).code?.startsWith('commander.');
    // As the real CLI (lib/cli/program.ts, usageExit): help exits 0, a usage error 2.
    if (commanderExit)
      return { code: (error as { exitCode: number }).exitCode === 0 ? 0 : 2, stdout, stderr };
    try {
      handleError(error, (t) => (stderr += t));
    } catch (signal) {
      if (signal instanceof ExitSignal) return { code: signal.code, stdout, stderr };
      throw signal;
    }
    throw error;
  } finally {
    exit.mockRestore();
  }
}

class ExitSignal extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}
