import { Command, Option } from 'commander';
import { loadConfig } from '../../config/load-config';
import { readDeployAssembly } from '../../deploy-proofs/assembly';
import { formatJson, formatMarkdown } from '../../deploy-proofs/format';
import { verifyDeploy, violationsOf } from '../../deploy-proofs/verify-deploy';
import { CheckFailedError, StaleAssemblyError } from '../../errors/user-input-error';
import { CliIo, processIo } from '../io';

interface VerifyDeployOptions {
  readonly assembly: string;
  readonly config: string;
  readonly format: 'md' | 'json';
}

export function verifyDeployCommand(io: CliIo = processIo): Command {
  return new Command('verify-deploy')
    .description(
      'Prove offline that a deployment would not fail: schemas, guardrails vs platform, log delivery, organization order; exits non-zero on any violation',
    )
    .option('--assembly <dir>', 'synthesized cloud assembly (run `npx cdk synth` first)', 'cdk.out')
    .option('--config <dir>', 'config directory', 'config')
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'json']).default('md'))
    .action(async (options: VerifyDeployOptions) => {
      const model = loadConfig(options.config);
      let stacks;
      try {
        stacks = readDeployAssembly(options.assembly);
      } catch (error) {
        throw new StaleAssemblyError(`verify-deploy: ${(error as Error).message}`);
      }
      const report = await verifyDeploy(stacks, model);
      io.out(options.format === 'json' ? formatJson(report) : formatMarkdown(report));
      const n = violationsOf(report).length;
      if (n > 0)
        throw new CheckFailedError(`verify-deploy: ${n} violation${n === 1 ? '' : 's'} of the deploy proofs`);
    });
}
