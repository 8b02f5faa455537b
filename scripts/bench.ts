/**
 * `npm run bench -- [options]` (`--help` lists them):
 * generates estates of N tenants and measures, per N, the CLI's validate, a full synth, a single-tenant synth (alone and against a base) and
 * (when the CLI has them) verify-network and report, then reads the synthesized assembly for
 * the figures CloudFormation's quotas care about. The estate's full synth and a plain-CDK floor of
 * the same size run --pairs times in turns; their medians give the time and the ratio. Writes docs/benchmarks.{json,md}.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigValidationError } from '../lib/config/config-error';
import { validateConfigDir } from '../lib/config/load-config';
import { generateEstate } from '../lib/generator/generate-estate';
import { writeGeneratedEstate } from '../lib/generator/write-estate';
import { assemblyMetrics } from './bench/assembly-metrics';
import { checkBudgets } from './bench/budgets';
import { fitLine } from './bench/fit';
import { describeMachine } from './bench/machine';
import { completed, measure, Measurement } from './bench/measure';
import { renderBenchmarks } from './bench/report';
import { CFN_VALIDATE_ENV, SOURCE_LINES_ENV, TREE_METADATA_ENV } from '../lib/app/synth-switches';
import { optionalCommand } from './bench/optional-commands';
import { compareWithFloor, FloorRun, medianBy, synthFloor } from './bench/floor';
import { BENCH_USAGE, parseBenchArgs } from './bench/options';
import { BenchResults, SizeResult, Variant } from './bench/types';

const ROOT = resolve(__dirname, '..');
const CDK = join(ROOT, 'node_modules', '.bin', 'cdk');
const CLI = ['node', join(ROOT, 'bin', 'nhs-cloud.js')];
const JSON_PATH = join(ROOT, 'docs', 'benchmarks.json');
const MD_PATH = join(ROOT, 'docs', 'benchmarks.md');
const VARIANT_SIZE = 250;
/**
 * How cdk.json runs the app (`node <these> bin/app.ts`): the floor runs with the same Node
 * flags, so the ratio compares the two apps, not two runtimes.
 */
const APP_NODE_ARGS = appNodeArgs();

function appNodeArgs(): string[] {
  const app = (JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')) as { app: string }).app
    .trim()
    .split(/\s+/);
  if (app[0] !== 'node' || app[app.length - 1] !== 'bin/app.ts')
    throw new Error(`cdk.json app: expected "node ... bin/app.ts", got "${app.join(' ')}"`);
  return app.slice(1, -1);
}

const parsed = parseBenchArgs(process.argv.slice(2));
if ('help' in parsed) {
  process.stdout.write(`${BENCH_USAGE}\n`);
  process.exit(0);
}
if ('error' in parsed) {
  process.stderr.write(`bench: ${parsed.error}\n${BENCH_USAGE}\n`);
  process.exit(2);
}
const options = parsed.options;
const { sizes, pairs } = options;

/**
 * What `cdk synth` would hand the app: cdk.json's context plus the CLI's metadata switches.
 * `capacityGate=warn`: a generated national estate needs more hub lanes than the hub builds
 * today, and the bench measures synthesis, not the capacity plan (a warning says so).
 */
function synthContext(extra: Record<string, unknown>): string {
  const cdkJson = JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')) as { context?: object };
  return JSON.stringify({
    ...cdkJson.context,
    'aws:cdk:enable-path-metadata': true,
    'aws:cdk:enable-asset-metadata': true,
    'aws:cdk:bundling-stacks': ['**'],
    capacityGate: 'warn',
    ...extra,
  });
}

const CAPACITY_UNMET = {
  pattern: /capacityGate=warn: this assembly must not be deployed/,
  reason: 'capacity plan unmet: the assembly is written, then flagged not deployable',
};

/** A local synth's settings (ADRs 0015, 0017), whatever this shell's CI says; variants override them. */
const LOCAL_SYNTH_ENV = {
  [CFN_VALIDATE_ENV]: 'false',
  [SOURCE_LINES_ENV]: 'false',
  [TREE_METADATA_ENV]: 'false',
};

function synthDirect(outdir: string, context: Record<string, unknown>, env: NodeJS.ProcessEnv = {}) {
  rmSync(outdir, { recursive: true, force: true });
  return measure(['node', ...APP_NODE_ARGS, 'bin/app.ts'], {
    cwd: ROOT,
    env: {
      CDK_OUTDIR: outdir,
      CDK_CONTEXT_JSON: synthContext(context),
      ...LOCAL_SYNTH_ENV,
      ...env,
    },
    completedDespite: CAPACITY_UNMET,
  });
}

function toFloorSize(assembly: { readonly stacks: number; readonly totalResources: number }) {
  return { stacks: assembly.stacks, resources: assembly.totalResources };
}

/** A generated estate the config layer rejects means generator and schema have drifted: stop, say why. */
function assertValid(config: string): void {
  const result = validateConfigDir(config);
  if (!result.ok) throw new ConfigValidationError(result.errors);
}

function show(m: Measurement): string {
  if (!completed(m)) return `FAILED (exit ${m.exitCode})\n${m.errorTail}`;
  return `${(m.wallMs / 1000).toFixed(1)} s, ${m.peakRssMiB} MiB${m.completedDespite ? ` (${m.completedDespite})` : ''}`;
}

async function benchSize(n: number, first: boolean): Promise<SizeResult> {
  const dir = join(options.workDir, `n${n}`);
  const config = join(dir, 'config');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const log = (what: string, text: string) => console.log(`[N=${n}] ${what}: ${text}`);

  const started = Date.now();
  const estate = generateEstate({ tenants: n, seed: options.seed });
  writeGeneratedEstate(config, estate);
  const generateMs = Date.now() - started;
  assertValid(config);
  log('generate', `${generateMs} ms`);

  const validate = await measure([...CLI, 'validate', '--config', config], { cwd: ROOT });
  log('validate', show(validate));
  const outdir = join(dir, 'cdk.out');
  const firstSynth = await synthDirect(outdir, { config });
  log('full synth', show(firstSynth));
  const assembly = completed(firstSynth) ? assemblyMetrics(outdir) : undefined;
  if (assembly) log('assembly', JSON.stringify(assembly));
  // The floor in turns with the estate (estate, floor, estate, ...), so both see the same machine.
  const estateRuns = [firstSynth];
  const floorRuns: FloorRun[] = [];
  for (let i = 0; assembly && i < pairs; i++) {
    if (i > 0) {
      const again = await synthDirect(join(dir, 'cdk.out.again'), { config });
      log(`full synth, run ${i + 1} of ${pairs}`, show(again));
      estateRuns.push(again);
    }
    const floorRun = await synthFloor(ROOT, join(dir, 'cdk.out.floor'), toFloorSize(assembly), APP_NODE_ARGS);
    log(
      `plain-CDK floor, run ${i + 1} of ${pairs}`,
      `${show(floorRun.synth)} for ${floorRun.resources} resources`,
    );
    floorRuns.push(floorRun);
  }
  rmSync(join(dir, 'cdk.out.again'), { recursive: true, force: true });
  const synth = completed(firstSynth) ? medianBy(estateRuns.filter(completed), (m) => m.wallMs) : firstSynth;
  const floor = assembly ? compareWithFloor(toFloorSize(assembly), estateRuns, floorRuns) : undefined;
  if (floor)
    log(
      'against the floor (medians)',
      `${floor.msPerResource.estate} vs ${floor.msPerResource.floor} ms per resource: ${floor.ratio}x`,
    );

  let synthCli: Measurement | undefined;
  if (first && !options.noCli) {
    const cliOut = join(dir, 'cdk.out.cli');
    synthCli = await measure(
      [CDK, 'synth', '--quiet', '-c', `config=${config}`, '-c', 'capacityGate=warn', '-o', cliOut],
      { cwd: ROOT, env: LOCAL_SYNTH_ENV, completedDespite: CAPACITY_UNMET },
    );
    log('full synth via cdk CLI', show(synthCli));
    rmSync(cliOut, { recursive: true, force: true });
  }

  const tenant = estate.tenants.find((t) => t.odsCode.startsWith('R'))?.odsCode ?? estate.tenants[0].odsCode;
  const single = await synthDirect(join(dir, 'cdk.out.single'), { config, tenant });
  log(`single-tenant synth (${tenant})`, show(single));
  // The same tenant against a base whose hub renders the same (a change no hub stack reads, such
  // as a budget): only its own shard, returns and lane are built (docs/adr/0027).
  const againstBase = await synthDirect(join(dir, 'cdk.out.single-base'), { config, tenant, base: config });
  log(`single-tenant synth (${tenant}) against a base`, show(againstBase));

  const verifyNetwork = await optionalCommand(CLI, 'verify-network', { config, assembly: outdir }, ROOT);
  log('verify-network', 'skipped' in verifyNetwork ? verifyNetwork.skipped : show(verifyNetwork));
  const report = await optionalCommand(CLI, 'report', { config, assembly: outdir }, ROOT);
  log('report', 'skipped' in report ? report.skipped : show(report));

  if (!options.keep) rmSync(dir, { recursive: true, force: true });
  return {
    tenants: n,
    environments: estate.tenants.reduce((k, t) => k + Object.keys(t.config.environments).length, 0),
    date: new Date().toISOString(),
    generateMs,
    validate,
    synth,
    ...(synthCli ? { synthCli } : {}),
    singleTenant: { ...single, tenant },
    singleTenantAgainstBase: againstBase,
    verifyNetwork,
    report,
    ...(assembly ? { assembly } : {}),
    ...(floor ? { floor } : {}),
  };
}

/** Synth at one size with CI's settings (CloudFormation Validate, source lines), and with the cdk-nag packs off. */
async function benchVariants(n: number): Promise<Variant[]> {
  const dir = join(options.workDir, `variants-n${n}`);
  const config = join(dir, 'config');
  rmSync(dir, { recursive: true, force: true });
  writeGeneratedEstate(config, generateEstate({ tenants: n, seed: options.seed }));
  assertValid(config);
  const variants: Variant[] = [];
  const run = async (
    name: string,
    description: string,
    context: Record<string, unknown>,
    env: NodeJS.ProcessEnv,
  ) => {
    const synth = await synthDirect(join(dir, 'cdk.out'), { config, ...context }, env);
    console.log(`[variant N=${n}] ${name}: ${show(synth)}`);
    variants.push({ name, description, tenants: n, synth });
  };
  await run(
    'ci-settings',
    'as CI synthesizes (CI=true): CloudFormation Validate and creation stack traces on',
    {},
    { [CFN_VALIDATE_ENV]: 'true', [SOURCE_LINES_ENV]: 'true' },
  );
  await run('nag-off', '-c nag=false: local settings without the cdk-nag rule packs', { nag: false }, {});
  if (!options.keep) rmSync(dir, { recursive: true, force: true });
  return variants;
}

async function main(): Promise<void> {
  const previous: Partial<BenchResults> = existsSync(JSON_PATH)
    ? JSON.parse(readFileSync(JSON_PATH, 'utf8'))
    : {};
  const measured: Record<string, SizeResult> = {};
  const render = options.renderOnly;
  if (!render && !options.variantsOnly) {
    for (const [i, n] of sizes.entries()) measured[String(n)] = await benchSize(n, i === 0);
  }
  const variantSize = sizes.includes(VARIANT_SIZE) || options.variantsOnly ? VARIANT_SIZE : undefined;
  const variants =
    !render && !options.noVariants && variantSize ? await benchVariants(variantSize) : undefined;

  // A run of some sizes keeps the other sizes' earlier figures.
  const all = { ...previous.sizes, ...measured };
  const points = Object.values(all)
    .filter((r) => completed(r.synth) && r.assembly)
    .map((r) => ({ x: r.assembly!.totalResources, y: r.synth.wallMs }));
  const line = fitLine(points);
  const results: BenchResults = {
    updated: render && previous.updated ? previous.updated : new Date().toISOString(),
    machine: render && previous.machine ? previous.machine : describeMachine(),
    sizes: all,
    variants: variants ?? previous.variants ?? [],
    ...(line
      ? {
          fit: {
            msFixed: Math.round(line.a),
            msPerResource: Math.round(line.b * 100) / 100,
            points: points.length,
          },
        }
      : {}),
  };
  const budgets = checkBudgets(results.sizes);
  writeFileSync(JSON_PATH, `${JSON.stringify({ ...results, budgets }, null, 2)}\n`);
  const notes = existsSync(MD_PATH)
    ? /<!-- notes:start -->[\s\S]*<!-- notes:end -->/.exec(readFileSync(MD_PATH, 'utf8'))
    : null;
  writeFileSync(MD_PATH, renderBenchmarks(results, budgets, notes?.[0]));
  // Written in the repository's style, so `npm run lint` stays green after a bench run.
  execFileSync(join(ROOT, 'node_modules', '.bin', 'prettier'), ['--write', MD_PATH, JSON_PATH], {
    stdio: 'ignore',
  });
  console.log('\nBudgets');
  for (const b of budgets)
    console.log(`  ${b.verdict.padEnd(12)} ${b.name}: ${b.measured} (budget ${b.limit})`);
  if (results.fit) console.log(`  marginal cost: ${results.fit.msPerResource} ms per synthesized resource`);
  console.log(`\nwrote ${MD_PATH} and ${JSON_PATH}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
