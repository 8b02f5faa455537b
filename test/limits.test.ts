import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { buildEstate } from '../lib/app/build-estate';
import { odsOrdinal, SHARD_COUNT, shardOf, shardStackName } from '../lib/planners/shards';
import { generatedModel } from './generator/generated-model';

/** CloudFormation quotas less 10% headroom (500 resources, 1 MB, 200 outputs, 200 parameters:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html). */
const BUDGET = { resources: 450, bytes: 900 * 1024, outputs: 180, parameters: 180 };

/**
 * The fullest hub shard a generated estate can have: every trust (R..) and ICB (Q..) code
 * that lands in one shard, each with a VPN (the most hub resources per tenant), plus the
 * national body. Shards are a pure function of the ODS code, so this is the worst case
 * whatever the estate's size; the estate stays small enough to synthesize in seconds.
 */
function fullestShard(): { shard: number; icbs: string[]; trusts: string[] } {
  const codes = (prefix: string) => {
    const out: string[] = [];
    for (const a of '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ')
      for (const b of '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ') out.push(`${prefix}${a}${b}`);
    return out;
  };
  const byShard = (shard: number) => (code: string) => shardOf(code) === shard;
  let best = { shard: 0, icbs: [] as string[], trusts: [] as string[] };
  for (let shard = 0; shard < SHARD_COUNT; shard++) {
    const icbs = codes('Q').filter(byShard(shard));
    const trusts = codes('R').filter(byShard(shard));
    if (icbs.length + trusts.length > best.icbs.length + best.trusts.length) best = { shard, icbs, trusts };
  }
  return best;
}

const fullest = fullestShard();
const { model } = generatedModel({
  tenants: 1 + fullest.icbs.length + fullest.trusts.length,
  seed: 'limits',
  odsCodes: { icbs: fullest.icbs, trusts: fullest.trusts },
  linkShares: { directConnect: 0, vpn: 1 },
});

// Synthesized once for every assertion, with cdk.json's flags and the CLI's metadata, so
// template sizes are what `cdk synth` writes.
const cdkJson = JSON.parse(readFileSync(join(__dirname, '..', 'cdk.json'), 'utf8')) as { context: object };
const app = new App({
  outdir: mkdtempSync(join(tmpdir(), 'nhs-cloud-limits-')),
  context: {
    ...cdkJson.context,
    'aws:cdk:enable-path-metadata': true,
    'aws:cdk:enable-asset-metadata': true,
    'aws:cdk:disable-creation-stack-traces': true,
  },
});
buildEstate(app, model, { capacityGate: 'warn' });
const assembly = app.synth();
const figures = assembly.stacks.map((stack) => {
  const template = stack.template as Record<string, object | undefined>;
  return {
    stack: stack.stackName,
    resources: Object.keys(template.Resources ?? {}).length,
    bytes: statSync(join(assembly.directory, stack.templateFile)).size,
    outputs: Object.keys(template.Outputs ?? {}).length,
    parameters: Object.keys(template.Parameters ?? {}).length,
  };
});

describe('CloudFormation limits with the fullest hub shard', () => {
  test(`the estate fills hub shard ${fullest.shard} with every R and Q code it can hold`, () => {
    expect(fullest.icbs.length + fullest.trusts.length).toBeGreaterThanOrEqual(
      Math.floor((2 * 36 * 36) / SHARD_COUNT),
    );
    expect(fullest.trusts.every((c) => odsOrdinal(c) % SHARD_COUNT === fullest.shard)).toBe(true);
    expect(figures.map((f) => f.stack)).toContain(shardStackName(fullest.shard));
    // Every tenant of the shard has a VPN, the most hub resources a tenant can bring.
    const vpnTenants = model.tenants.filter((t) => t.network.onPremises?.connection === 'vpn');
    expect(vpnTenants).toHaveLength(fullest.icbs.length + fullest.trusts.length);
  });

  test.each(Object.entries(BUDGET))('every template stays within %s <= %d', (key, limit) => {
    const over = figures
      .filter((f) => f[key as keyof typeof BUDGET] > limit)
      .map((f) => `${f.stack}: ${f[key as keyof typeof BUDGET]}`);
    expect(over).toEqual([]);
  });

  test('the fullest shard is the largest shard stack', () => {
    const shards = figures.filter((f) => f.stack.startsWith('Core-Network-Shard-'));
    const largest = shards.reduce((a, b) => (b.resources > a.resources ? b : a));
    expect(largest.stack).toBe(shardStackName(fullest.shard));
  });
});
