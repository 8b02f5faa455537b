import { App } from 'aws-cdk-lib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEstate, BuildEstateOptions } from '../../lib/app/build-estate';
import { EstateModel } from '../../lib/config/model';
import { NetTenant, networkModel } from '../planners/segmentation/network-model';

/**
 * The oracle for `-c tenant=ODS -c base=DIR` (docs/adr/0027): synthesize the whole estate
 * before and after a change to one tenant, and every template that differs must be in the
 * one-tenant build, rendered exactly as the full build renders it. The estate has five lanes,
 * so a build that left out nothing, or left out a lane the change touched, fails.
 */

// The repository's feature flags (weak cross-stack references among them), as `cdk synth` has them.
const CDK_CONTEXT = (
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'cdk.json'), 'utf8')) as { context: object }
).context;

const LANES_RANGE = '10.1.0.0/16';
// 12 Gbps peak x growth 10 = 120 Gbps: one lane each, so the five pinned trusts fill five lanes.
const FULL_LANE = 12_000;
const trusts: NetTenant[] = [
  { ods: 'RA1', lane: 1, peakMbps: 6_000 },
  { ods: 'RA2', lane: 2, peakMbps: 6_000 },
  { ods: 'RA3', lane: 3, peakMbps: 6_000 },
  { ods: 'RA4', lane: 4, peakMbps: 6_000 },
  { ods: 'RA5', lane: 5, peakMbps: 6_000 },
  { ods: 'RB1', lane: 2, peakMbps: 2_000 },
  { ods: 'RB2', lane: 3, peakMbps: 2_000 },
  { ods: 'RB3', lane: 4, peakMbps: 2_000 },
  { ods: 'RB4', lane: 5, peakMbps: 2_000 },
  { ods: 'X26', scope: 'national', lane: 1, environments: ['prod'] },
];
const estate = (tenants: readonly NetTenant[]) => networkModel(tenants, { lanesRange: LANES_RANGE });
const base = estate(trusts);

function synthesize(model: EstateModel, options: BuildEstateOptions = {}) {
  const app = new App({
    analyticsReporting: false,
    builtinCloudFormationValidation: false,
    treeMetadata: false,
    context: CDK_CONTEXT,
  });
  const built = buildEstate(app, model, options);
  const assembly = app.synth();
  return {
    scope: built.network.scope,
    templates: new Map(assembly.stacks.map((s) => [s.stackName, JSON.stringify(s.template)])),
  };
}

const full = synthesize(base);
const lanes = [...full.templates.keys()].filter((n) => n.startsWith('Core-Network-Lane-'));

/** What each kind of change must rebuild, checked against two full synths. */
const changes: { readonly name: string; readonly tenant: string; readonly head: NetTenant[] }[] = [
  {
    name: 'a new environment',
    tenant: 'RB2',
    head: trusts.map((t) => (t.ods === 'RB2' ? { ...t, environments: ['prod', 'nonprod', 'test'] } : t)),
  },
  {
    // RA3 outgrows lane 3 with RB2 in it: the planner moves RB2 to another lane (a forced move),
    // so a lane, shard and returns stack of another trust change too.
    name: 'growth that moves another trust',
    tenant: 'RA3',
    head: trusts.map((t) => (t.ods === 'RA3' ? { ...t, peakMbps: FULL_LANE - 1_000 } : t)),
  },
  {
    name: 'a budget change, which no hub stack reads',
    tenant: 'RB4',
    head: trusts,
  },
];

describe.each(changes)('-c tenant -c base after $name', ({ tenant, head }) => {
  const headModel = estate(head);
  const after = synthesize(headModel);
  const partial = synthesize(headModel, { onlyTenant: tenant, base });
  const changed = [...after.templates].filter(([name, t]) => full.templates.get(name) !== t).map(([n]) => n);

  test('every template the change alters is in the one-tenant build', () => {
    expect(changed.filter((name) => !partial.templates.has(name))).toEqual([]);
  });

  test('each stack in it renders exactly as in the full build', () => {
    const different = [...partial.templates].filter(([name, t]) => after.templates.get(name) !== t);
    expect(different.map(([name]) => name)).toEqual([]);
  });

  test('lanes the change does not touch are left out', () => {
    const built = lanes.filter((n) => partial.templates.has(n));
    expect(built.length).toBeLessThan(lanes.length);
    expect(partial.scope?.unchanged).toBeGreaterThan(0);
  });
});

test('the forced move is real: RB2 leaves lane 3, and its shard is built though only RA3 changed', () => {
  const app = new App({ analyticsReporting: false, context: CDK_CONTEXT });
  const built = buildEstate(app, estate(changes[1].head), { onlyTenant: 'RA3', base });
  const { plan, scope } = built.network;
  expect(plan.sizing.lanes.moves).toEqual([expect.objectContaining({ tenants: ['RB2'], from: 3, to: 1 })]);
  const shardOf = (ods: string) => plan.shards.find((s) => s.tenants.includes(ods))!.stackName;
  expect(shardOf('RB2')).not.toBe(shardOf('RA3'));
  expect(scope?.build.has(shardOf('RB2'))).toBe(true);
  expect(scope?.reason).toMatch(/^\d+ other hub stacks? changed since the base, \d+ unchanged left out$/);
});

test('without a base, every lane is built, as before', () => {
  const alone = synthesize(base, { onlyTenant: 'RB1' });
  expect(lanes.filter((n) => !alone.templates.has(n))).toEqual([]);
  expect(alone.scope?.reason).toBe('no base to compare with (-c base=DIR): every lane built');
});
