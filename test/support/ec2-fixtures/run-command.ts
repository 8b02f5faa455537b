import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { handleError } from '../../../lib/cli/handle-error';
import { CliIo } from '../../../lib/cli/io';
import { ESTATE, tenantText } from '../../config/helpers';

export interface CommandRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs one command under a bare `nhs-cloud` program via parseAsync, with the CLI's own error
 * handler and a stubbed process.exit. Commands that talk to AWS take test client settings
 * (credentials, fast retries) through their factory, which the full program cannot pass.
 */
export async function runCommand(build: (io: CliIo) => Command, args: string[]): Promise<CommandRun> {
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
    const program = new Command('nhs-cloud')
      .exitOverride()
      .configureOutput({ writeOut: io.out, writeErr: io.err })
      .addCommand(build(io).configureOutput({ writeOut: io.out, writeErr: io.err }));
    await program.parseAsync(['node', 'nhs-cloud', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (error instanceof ExitSignal) return { code: error.code, stdout, stderr };
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

/**
 * A config directory with the test helpers' estate and tenants QAA and RAA
 * (RAA prod: account 200000000003, 10.64.16.0/21, eu-west-2; network account 100000000004).
 */
export function writeTestConfig(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nhs-cloud-aws-'));
  mkdirSync(join(dir, 'tenants'));
  writeFileSync(join(dir, 'estate.yaml'), ESTATE);
  writeFileSync(join(dir, 'tenants', 'QAA.yaml'), tenantText('QAA', 0));
  writeFileSync(join(dir, 'tenants', 'RAA.yaml'), tenantText('RAA', 1));
  return dir;
}
