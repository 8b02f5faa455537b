import { Command, Option } from 'commander';
import { checkAssemblyStamp } from '../../config/assembly-stamp';
import { loadConfig } from '../../config/load-config';
import { readAssembly } from '../../verify/assembly/read-assembly';
import { formatJson, formatMarkdown } from '../../verify/report/format';
import { verifyNetwork } from '../../verify/verify-network';
import { CheckFailedError, StaleAssemblyError } from '../../errors/user-input-error';
import { CliIo, processIo } from '../io';

interface VerifyNetworkOptions {
  readonly assembly: string;
  readonly config: string;
  readonly format: 'md' | 'json';
}

export function verifyNetworkCommand(io: CliIo = processIo): Command {
  return new Command('verify-network')
    .description(
      'Prove tenant isolation, inspection and egress offline from the synthesized templates; exits non-zero on any violation',
    )
    .option('--assembly <dir>', 'synthesized cloud assembly (run `npx cdk synth` first)', 'cdk.out')
    .option(
      '--config <dir>',
      'config directory the assembly was synthesized from (the segmentation policy)',
      'config',
    )
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'json']).default('md'))
    .action((options: VerifyNetworkOptions) => {
      const estate = loadConfig(options.config);
      let stacks;
      try {
        stacks = readAssembly(options.assembly);
      } catch (error) {
        throw new StaleAssemblyError(`verify-network: ${(error as Error).message}`);
      }
      let stamp;
      try {
        stamp = checkAssemblyStamp(options.assembly, options.config);
      } catch (error) {
        throw new StaleAssemblyError(`verify-network: ${(error as Error).message}`);
      }
      // A -c tenant=ODS assembly holds one tenant's stacks: the hub's lookups of the others are left out.
      const result = verifyNetwork(stacks, estate, { partialTenant: stamp.tenant });
      io.out(options.format === 'json' ? formatJson(result) : formatMarkdown(result));
      const n = result.violations.length;
      if (n > 0)
        throw new CheckFailedError(
          `verify-network: ${n} violation${n === 1 ? '' : 's'} of the network policy`,
        );
    });
}
