import { formatPlan } from '../../lib/change-plan/format-plan';
import { guardChanges } from '../../lib/change-plan/guard';
import { classifyStacks } from '../../lib/change-plan/classify-diff';
import { LANES_METADATA, laneMovesBetween } from '../../lib/change-plan/lane-moves';
import { ChangePlan, SynthesizedStack } from '../../lib/change-plan/types';
import { LANES_METADATA as PLANNED_METADATA } from '../../lib/planners/hub/lane-stacks';
import { shardOf, shardStackName } from '../../lib/planners/shards';
import { buildFixtureEstate, fixtureModel } from '../support/fixture-estate';

/** A hub shard as `nhs-cloud plan` reads it: its tenants' lanes in the template metadata. */
const shard = (
  name: string,
  lanes: Record<string, number>,
  association = 'tenants-prod',
): SynthesizedStack => ({
  name,
  template: {
    Metadata: { [LANES_METADATA]: lanes },
    Resources: {
      SegmentsSpokeRGRprodAssociation: {
        Type: 'AWS::EC2::TransitGatewayRouteTableAssociation',
        Properties: { TransitGatewayAttachmentId: 'tgw-attach-rgr', TransitGatewayRouteTableId: association },
      },
    },
  },
});

describe('lane moves in the change plan (docs/adr/0024-hub-lanes.md)', () => {
  const before = [shard('Core-Network-Shard-042', { RGR: 2, RDE: 2 })];
  const after = [shard('Core-Network-Shard-042', { RGR: 3, RDE: 2 }, 'tenants-prod@3')];

  test('a tenant whose lane changes is listed by name; tenants that stay, or come or go, are not', () => {
    expect(laneMovesBetween(before, after)).toEqual([{ tenant: 'RGR', from: 2, to: 3 }]);
    expect(laneMovesBetween(before, [shard('Core-Network-Shard-042', { RGR: 2, QHM: 1 })])).toEqual([]);
  });

  test('the move replaces an association, which the guard does not block: it is a reviewed change', () => {
    const stacks = classifyStacks(before, after);
    expect(stacks[0].changes.map((c) => [c.logicalId, c.kind])).toEqual([
      ['SegmentsSpokeRGRprodAssociation', 'replace'],
    ]);
    const plan: ChangePlan = {
      base: { ref: 'origin/main', commit: '0123456789abcdef0123' },
      scope: { kind: 'full', reason: 'estate.yaml changed' },
      exceptionsFile: 'config/exceptions.yaml',
      stacksCompared: 1,
      stacks,
      guard: guardChanges(stacks, [], '2026-06-01'),
      laneMoves: laneMovesBetween(before, after),
    };
    expect(plan.guard).toEqual([]);
    const text = formatPlan(plan, 'text');
    expect(text).toContain(
      'Lane move: RGR from lane 2 to lane 3; its route table associations are replaced (a brief loss of its traffic). ' +
        'Reviewed, not blocked: a forced move `nhs-cloud capacity` reports, or a pin edited in its tenant file.',
    );
    expect(formatPlan(plan, 'md')).toContain('### Lane moves (1)\n\n- Lane move: RGR from lane 2 to lane 3;');
    expect(JSON.parse(formatPlan(plan, 'json'))).toMatchObject({
      ok: true,
      laneMoves: [{ tenant: 'RGR', from: 2, to: 3 }],
    });
  });

  test('each hub shard the app builds records its tenants’ lanes under the key the plan reads', () => {
    expect(PLANNED_METADATA).toBe(LANES_METADATA);
    const { app } = buildFixtureEstate({ onlyTenant: 'QHM' });
    const stack = app.synth().getStackByName(shardStackName(shardOf('QHM')));
    const lanes = (stack.template as { Metadata: Record<string, Record<string, number>> }).Metadata[
      LANES_METADATA
    ];
    expect(lanes.QHM).toBe(2);
    expect(Object.keys(lanes).sort()).toEqual(
      fixtureModel()
        .tenants.filter((t) => shardOf(t.odsCode) === shardOf('QHM'))
        .map((t) => t.odsCode)
        .sort(),
    );
  });
});
