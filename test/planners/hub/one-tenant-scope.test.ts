import { planCapacity } from '../../../lib/planners/capacity/plan-capacity';
import { hubStackInputs } from '../../../lib/planners/hub/hub-stack-inputs';
import { planNetwork } from '../../../lib/planners/hub/network-plan';
import {
  describeHubScope,
  EstateSlices,
  oneTenantHubScope,
} from '../../../lib/planners/hub/one-tenant-scope';
import { EstateModel } from '../../../lib/config/model';
import { NetTenant, networkModel } from '../segmentation/network-model';

const LANES = { lanesRange: '10.1.0.0/16' };
const trusts: NetTenant[] = [
  { ods: 'RA1', lane: 1, peakMbps: 6_000 },
  { ods: 'RA2', lane: 2, peakMbps: 6_000 },
  { ods: 'RA3', lane: 3, peakMbps: 6_000 },
  { ods: 'RB2', lane: 3, peakMbps: 2_000 },
];
function slices(model: EstateModel): EstateSlices {
  const plan = planNetwork(model, planCapacity(model).hub);
  return { model, plan, inputs: hubStackInputs(model, plan) };
}
const base = slices(networkModel(trusts, LANES));
const names = (scope: { build: ReadonlySet<string> }) => [...scope.build].sort();
const shardOf = (s: EstateSlices, ods: string) =>
  s.plan.shards.find((x) => x.tenants.includes(ods))!.stackName;

describe('oneTenantHubScope', () => {
  test('an unchanged estate builds only the tenant’s own shard, returns and lane', () => {
    const scope = oneTenantHubScope('RA3', base, base);
    expect(names(scope)).toEqual(
      [
        shardOf(base, 'RA3'),
        'Core-Network-Lane-03',
        'Core-Network-Returns-' + shardOf(base, 'RA3').slice(-3),
      ].sort(),
    );
    expect(scope.total).toBe(base.inputs.size);
    expect(scope.unchanged).toBe(base.inputs.size - 3);
    expect(scope.removed).toEqual([]);
    expect(describeHubScope(scope)).toBe(
      `hub: 3 of ${base.inputs.size} lane, shard and returns stacks built; 0 other hub stacks changed since the base, ${base.inputs.size - 3} unchanged left out`,
    );
  });

  test('a tenant in lane 1 has no lane stack of its own', () => {
    expect(names(oneTenantHubScope('RA1', base, base)).filter((n) => n.includes('Lane'))).toEqual([]);
  });

  test('another trust moved by the change is built: its shard and both lanes', () => {
    const head = slices(
      networkModel(
        trusts.map((t) => (t.ods === 'RA3' ? { ...t, peakMbps: 11_000 } : t)),
        LANES,
      ),
    );
    expect(head.plan.sizing.lanes.moves.map((m) => m.tenants)).toEqual([['RB2']]);
    const scope = oneTenantHubScope('RA3', head, base);
    expect(scope.build.has(shardOf(head, 'RB2'))).toBe(true);
    expect(scope.reason).toMatch(/^[1-9]\d* other hub stacks? changed since the base/);
  });

  test('without a base, or with another estate.yaml, every lane is built', () => {
    const lanes = base.plan.laneStacks.map((l) => l.stackName);
    const alone = oneTenantHubScope('RA1', base);
    expect(lanes.every((l) => alone.build.has(l))).toBe(true);
    expect(alone.reason).toBe('no base to compare with (-c base=DIR): every lane built');
    const renamed: EstateSlices = {
      ...base,
      model: { ...base.model, estate: { ...base.model.estate, name: 'other' } },
    };
    const scope = oneTenantHubScope('RA1', base, renamed);
    expect(lanes.every((l) => scope.build.has(l))).toBe(true);
    expect(scope.reason).toBe('estate.yaml differs from the base: every lane built');
  });

  test('stacks only the base has are named: a one-tenant build cannot delete them', () => {
    const head = slices(
      networkModel(
        trusts.filter((t) => t.ods !== 'RB2'),
        LANES,
      ),
    );
    const wider: EstateSlices = {
      ...base,
      inputs: new Map([...base.inputs, ['Core-Network-Shard-999', [...base.inputs.values()][0]]]),
    };
    const scope = oneTenantHubScope('RA1', head, wider);
    expect(scope.removed).toContain('Core-Network-Shard-999');
    expect(describeHubScope(scope)).toContain('; in the base only, deleted by a full deploy: ');
  });
});
