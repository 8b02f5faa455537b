import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

export const BENCH_USAGE = `usage: npm run bench -- [options]
  --sizes <n,n,...>   tenant counts to measure (default 50,250,1000)
  --pairs <n>         full synths of the estate and of the plain-CDK floor, in turns (default 3)
  --seed <seed>       seed of the generated estates (default bench)
  --work-dir <dir>    where estates and assemblies are written (default: the system temp folder)
  --no-variants       skip the synth-setting variants at 250 tenants
  --variants-only     measure only those variants
  --no-cli            skip timing the full synth through the cdk CLI (smallest size only)
  --render-only       rewrite docs/benchmarks.md from docs/benchmarks.json, measuring nothing
  --keep              keep the generated estates and assemblies
  --help              print this and exit`;

export interface BenchOptions {
  readonly sizes: readonly number[];
  readonly pairs: number;
  readonly seed: string;
  readonly workDir: string;
  readonly noVariants: boolean;
  readonly variantsOnly: boolean;
  readonly renderOnly: boolean;
  readonly noCli: boolean;
  readonly keep: boolean;
}

export type ParsedBenchArgs =
  { readonly help: true } | { readonly options: BenchOptions } | { readonly error: string };

/**
 * The bench's command line, or what is wrong with it naming the flag: a typo or a bad number
 * gets one line and the usage, not a stack trace.
 */
export function parseBenchArgs(args: readonly string[]): ParsedBenchArgs {
  let values;
  try {
    values = parseArgs({
      args: [...args],
      options: {
        sizes: { type: 'string', default: '50,250,1000' },
        seed: { type: 'string', default: 'bench' },
        'work-dir': { type: 'string', default: join(tmpdir(), 'nhs-cloud-bench') },
        'no-variants': { type: 'boolean', default: false },
        'variants-only': { type: 'boolean', default: false },
        'render-only': { type: 'boolean', default: false },
        'no-cli': { type: 'boolean', default: false },
        keep: { type: 'boolean', default: false },
        pairs: { type: 'string', default: '3' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    // Node's own message names the option: "Unknown option '--size'".
    return { error: (error as Error).message.split('\n')[0]!.slice(0, 200) };
  }
  if (values.help) return { help: true };
  const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1))
    return {
      error: `--sizes: expected whole numbers separated by commas, got ${JSON.stringify(values.sizes.slice(0, 80))}`,
    };
  const pairs = Number(values.pairs);
  if (!Number.isInteger(pairs) || pairs < 1)
    return {
      error: `--pairs: expected a whole number of at least 1, got ${JSON.stringify(values.pairs.slice(0, 80))}`,
    };
  return {
    options: {
      sizes,
      pairs,
      seed: values.seed,
      workDir: values['work-dir'],
      noVariants: values['no-variants'],
      variantsOnly: values['variants-only'],
      renderOnly: values['render-only'],
      noCli: values['no-cli'],
      keep: values.keep,
    },
  };
}
