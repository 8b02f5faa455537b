import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_SEED, generateEstate } from '../../generator/generate-estate';
import { formatSummary, summariseEstate } from '../../generator/summarise';
import { writeGeneratedEstate } from '../../generator/write-estate';
import { UserInputError } from '../../errors/user-input-error';
import { CliIo, processIo } from '../io';

interface GenerateEstateOptions {
  readonly tenants: number;
  readonly out: string;
  readonly seed: string;
  readonly base?: string;
  readonly force?: boolean;
}

export function generateEstateCommand(io: CliIo = processIo): Command {
  return new Command('generate-estate')
    .description(
      'Write a synthetic estate of N tenants (for scale tests and benchmarks); the same seed gives the same files',
    )
    .requiredOption(
      '--tenants <n>',
      'number of tenants (organisations), each with prod and nonprod',
      positiveInteger,
    )
    .requiredOption('--out <dir>', 'folder to write estate.yaml and tenants/ into')
    .option('--seed <seed>', 'seed for the pseudo-random choices', DEFAULT_SEED)
    .option(
      '--base <file>',
      'estate.yaml whose settings to copy, with the exceptions.yaml beside it (default: the example config/)',
    )
    .option('--force', 'replace an estate already in --out')
    .action((options: GenerateEstateOptions) => {
      // --out is the folder the estate goes into (estate.yaml, tenants/): a file there is refused.
      if (existsSync(options.out) && !statSync(options.out).isDirectory())
        throw UserInputError.at(
          { flag: '--out' },
          `${options.out}: expected a folder for the estate, but it is a file`,
          {
            hint: 'choose a new or empty folder',
          },
        );
      const estate = generateEstate({
        tenants: options.tenants,
        seed: options.seed,
        baseEstateText: options.base === undefined ? undefined : readBase(options.base),
        baseExceptionsText: options.base === undefined ? undefined : exceptionsBeside(options.base),
      });
      writeGeneratedEstate(options.out, estate, { force: options.force });
      io.out(`${options.out}: ${formatSummary(summariseEstate(estate))} (seed ${options.seed})`);
    });
}

function readBase(file: string): string {
  if (!existsSync(file) || !statSync(file).isFile())
    throw UserInputError.at({ flag: '--base' }, `expected an estate.yaml file, got ${file}`, {
      hint: existsSync(file) ? 'name the file, not its folder' : 'no such file',
    });
  return readFileSync(file, 'utf8');
}

/** The exception register beside a base estate.yaml, if it has one. */
function exceptionsBeside(baseEstate: string): string | undefined {
  const file = join(dirname(baseEstate), 'exceptions.yaml');
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}
