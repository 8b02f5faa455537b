/**
 * `npx tsx scripts/plan-waves.ts --assembly cdk.out --config config [--tenant-shards 4] [--out cdk.out/waves.json] [--print] [--tenant ODS]`
 *
 * Reads a synthesized cloud assembly and the estate config, places every stack in its
 * deployment wave (lib/planners/delivery/wave-plan.ts) and writes the plan the pipeline's
 * deploy steps read. `--print` shows the `cdk deploy` commands to run the same waves by
 * hand (docs/deploy.md). `--tenant ODS` keeps only that tenant's stacks and the hub shard
 * stacks that depend on them: what onboarding one trust deploys, and nothing else.
 * Exits 1 if the stacks cannot be deployed wave by wave.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../lib/config/load-config';
import { accountOf, stacksFromManifest } from '../lib/planners/delivery/stack-graph';
import { accountWaves, planWaves, WavePlan, WAVES } from '../lib/planners/delivery/wave-plan';

const { values } = parseArgs({
  options: {
    assembly: { type: 'string', default: 'cdk.out' },
    config: { type: 'string', default: 'config' },
    'tenant-shards': { type: 'string', default: '1' },
    out: { type: 'string' },
    print: { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '20' },
    tenant: { type: 'string' },
  },
});

const manifest = JSON.parse(readFileSync(join(values.assembly, 'manifest.json'), 'utf8'));
const model = loadConfig(values.config);
const stacks = stacksFromManifest(manifest);
const full = planWaves(stacks, accountWaves(model), Number(values['tenant-shards']));
const plan = values.tenant ? onlyTenant(full, values.tenant) : full;
if (plan.problems.length > 0) {
  process.stderr.write(`the stacks cannot be deployed in waves:\n  ${plan.problems.join('\n  ')}\n`);
  process.exit(1);
}
function onlyTenant(all: WavePlan, ods: string): WavePlan {
  const tenant = model.tenants.find((t) => t.odsCode === ods);
  if (!tenant) {
    process.stderr.write(`--tenant ${ods}: no tenant with that ODS code in ${values.config}/tenants\n`);
    process.exit(1);
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

if (values.out) writeFileSync(values.out, `${JSON.stringify({ version: 1, waves: plan.waves }, null, 2)}\n`);
for (const wave of plan.waves) {
  const title = WAVES.find((w) => w.id === wave.id)!.title;
  process.stdout.write(`${wave.id}: ${wave.stacks.length} stacks (${title})\n`);
  if (!values.print || wave.stacks.length === 0) continue;
  // By hand the whole wave is one command; the pipeline splits tenant waves into shards.
  process.stdout.write(
    `  npx cdk deploy --app ${values.assembly} --exclusively --require-approval never ` +
      `--concurrency ${values.concurrency} --progress events ${wave.stacks.join(' ')}\n`,
  );
}
