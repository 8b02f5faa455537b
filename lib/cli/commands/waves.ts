import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { checkAssemblyStamp } from '../../config/assembly-stamp';
import { loadConfig } from '../../config/load-config';
import { writeFileAtomic } from '../../files/write-files';
import { EstateModel } from '../../config/model';
import { accountOf, StackNode, stacksFromManifest } from '../../planners/delivery/stack-graph';
import { accountWaves, planWaves, WavePlan, WAVES } from '../../planners/delivery/wave-plan';
import { EXIT_CODES } from '../../errors/exit-codes';
import { CheckFailedError, UserInputError } from '../../errors/user-input-error';
import { CliIo, processIo } from '../io';
import { assertOutFile } from '../out-file';

interface WavesOptions {
  readonly assembly: string;
  readonly config: string;
  readonly tenantShards: string;
  readonly out?: string;
  readonly print?: boolean;
  readonly concurrency: string;
  readonly tenant?: string;
}

/**
 * `nhs-cloud waves [--assembly cdk.out] [--config config] [--tenant-shards N] [--out FILE] [--print] [--tenant ODS]`
 *
 * Reads a synthesized cloud assembly and the estate config, places every stack in its
 * deployment wave (lib/planners/delivery/wave-plan.ts) and writes the plan the pipeline's
 * deploy steps read. `--print` shows the `cdk deploy` commands to run the same waves by
 * hand (docs/deploy.md). `--tenant ODS` keeps only that tenant's stacks and the hub shard
 * stacks that depend on them. Exits 1 if the stacks cannot be deployed wave by wave.
 */
export function wavesCommand(io: CliIo = processIo): Command {
  return new Command('waves')
    .description(
      'Place every stack of a synthesized assembly in its deployment wave; writes the plan the pipeline deploys from',
    )
    .option('--assembly <dir>', 'synthesized cloud assembly (run `npx cdk synth` first)', 'cdk.out')
    .option('--config <dir>', 'config directory the assembly was synthesized from', 'config')
    .option('--tenant-shards <n>', 'tenant waves split into this many shards that deploy side by side', '1')
    .option('--out <file>', 'write the wave plan as JSON (the pipeline reads cdk.out/waves.json)')
    .option('--print', 'print the `cdk deploy` command of each wave, to run the waves by hand')
    .option('--concurrency <n>', 'stacks `cdk deploy` runs at once, in the printed commands', '20')
    .option('--tenant <ods>', "only this tenant's stacks and the hub shard stacks that depend on them")
    .action((options: WavesOptions) => {
      if (options.out) assertOutFile('--out', options.out);
      const tenantShards = positiveInteger('--tenant-shards', options.tenantShards);
      const concurrency = positiveInteger('--concurrency', options.concurrency);
      const stacks = stacksFromManifest(readManifest(options.assembly));
      checkAssemblyStamp(options.assembly, options.config);
      const model = loadConfig(options.config);
      const full = planWaves(stacks, accountWaves(model), tenantShards);
      const plan = options.tenant ? onlyTenant(full, stacks, model, options.tenant, options.config) : full;
      if (plan.problems.length > 0) {
        throw new CheckFailedError(
          `the stacks cannot be deployed in waves:\n  ${plan.problems.join('\n  ')}`,
        );
      }
      if (options.out) {
        writeFileAtomic(options.out, `${JSON.stringify({ version: 1, waves: plan.waves }, null, 2)}\n`);
      }
      for (const wave of plan.waves) {
        const title = WAVES.find((w) => w.id === wave.id)!.title;
        io.out(`${wave.id}: ${wave.stacks.length} stacks (${title})\n`);
        if (!options.print || wave.stacks.length === 0) continue;
        // By hand the whole wave is one command; the pipeline splits tenant waves into shards.
        io.out(
          `  npx cdk deploy --app ${options.assembly} --exclusively --require-approval never ` +
            `--concurrency ${concurrency} --progress events ${wave.stacks.join(' ')}\n`,
        );
      }
    });
}

function positiveInteger(flag: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1) {
    throw UserInputError.at({ flag }, `expected a whole number of at least 1, got ${JSON.stringify(value)}`, {
      hint: `e.g. ${flag} ${flag === '--concurrency' ? 20 : 4}`,
    });
  }
  return n;
}

function readManifest(assembly: string): { artifacts?: Record<string, never> } {
  const file = join(assembly, 'manifest.json');
  if (!existsSync(file)) {
    throw UserInputError.at({ flag: '--assembly' }, `expected a cloud assembly, got no ${file}`, {
      hint: 'run `npx cdk synth` first, or pass --assembly DIR',
      exitCode: EXIT_CODES.staleAssembly,
    });
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw UserInputError.at({ file }, `expected JSON, got ${(error as Error).message}`, { cause: error });
  }
}

/** The plan cut down to one tenant's stacks and the stacks that depend on them (its hub shard). */
function onlyTenant(
  all: WavePlan,
  stacks: readonly StackNode[],
  model: EstateModel,
  ods: string,
  configDir: string,
): WavePlan {
  // ODS codes are case-insensitive on every command: --tenant rmc is RMC.
  const tenant = model.tenants.find((t) => t.odsCode === ods.trim().toUpperCase());
  if (!tenant) {
    throw UserInputError.at({ flag: '--tenant' }, `expected the ODS code of a tenant, got ${ods}`, {
      hint: `no tenant with that ODS code in ${configDir}/tenants`,
    });
  }
  const accounts = new Set(Object.values(tenant.environments).map((e) => e.accountId));
  const own = new Set(stacks.filter((s) => accounts.has(accountOf(s))).map((s) => s.name));
  const keep = (name: string) =>
    own.has(name) || stacks.some((s) => s.name === name && s.dependencies.some((d) => own.has(d)));
  return {
    problems: all.problems,
    waves: all.waves.map((w) => ({
      ...w,
      stacks: w.stacks.filter(keep),
      shards: w.shards.map((shard) => shard.filter(keep)),
    })),
  };
}
