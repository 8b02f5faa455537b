import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { CliIo } from '../../../lib/cli/io';
import { ESTATE, tenantText } from '../../config/helpers';
import { CliRun, runProgram } from '../run-cli';

export type CommandRun = CliRun;

/**
 * Runs one command under a bare `nhs-cloud` program. Commands that talk to AWS take test
 * client settings (credentials, fast retries) through their factory, which the full program
 * cannot pass.
 */
export function runCommand(build: (io: CliIo) => Command, args: string[]): Promise<CommandRun> {
  return runProgram(
    (io) =>
      new Command('nhs-cloud').addCommand(build(io).configureOutput({ writeOut: io.out, writeErr: io.err })),
    args,
  );
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
