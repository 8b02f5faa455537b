import { allEnvironments, EstateModel } from '../../../lib/config/model';
import { FlowRule } from '../../../lib/config/schema/segmentation-schema';
import { homeNetOf } from '../../../lib/planners/segmentation/cidr-sets';
import { flowRulesOf } from '../../../lib/planners/segmentation/flow-rules';
import { segmentOf } from '../../../lib/planners/segmentation/segments';
import { FirewallRule } from '../../../lib/planners/segmentation/types';
import { laneGroups } from '../../../lib/planners/capacity/lane-groups';
import { estateHomeNet, intendedFlows, segmentOfEnvironment } from '../../../lib/verify/policy/intent';
import { tenantsSharingLanes } from '../../../lib/verify/policy/lanes';
import { equals, fromCidrs } from '../../../lib/verify/sets/interval-set';
import { generatedModel } from '../../generator/generated-model';

/*
 * The proof reads `segmentation:` itself (lib/verify/policy/intent.ts) so that a planner bug
 * cannot produce wrong rules and matching wrong expectations. This test holds the two
 * readings to the same answer, pair by pair, on generated estates and hand-made rule sets.
 */

type Pairs = Map<string, string>;

/** rule|protocol|src|dst -> ports ('all' or sorted list), one entry per allowed pair. */
function pairsOf(
  blocks: readonly {
    protocol: string;
    sources: readonly string[];
    destinations: readonly string[];
    ports?: readonly number[];
  }[],
  rule: string,
): Pairs {
  const out: Pairs = new Map();
  for (const b of blocks)
    for (const s of b.sources)
      for (const d of b.destinations) {
        const key = `${rule}|${b.protocol}|${s}|${d}`;
        const ports = b.ports ? [...new Set(b.ports)].sort((x, y) => x - y).join(',') : 'all';
        if (out.has(key) && out.get(key) !== ports)
          throw new Error(`${key} listed twice with different ports`);
        out.set(key, ports);
      }
  return out;
}

function plannerPairs(model: EstateModel, rule: FlowRule, plan = flowRulesOf): Pairs {
  return pairsOf(plan(model, rule), rule.name);
}

function verifyPairs(model: EstateModel, rule: FlowRule): Pairs {
  return pairsOf(intendedFlows(model, rule), rule.name);
}

/** Differences between two pair maps, as readable lines (empty: they agree). */
function disagreements(a: Pairs, b: Pairs): string[] {
  const out: string[] = [];
  for (const [k, v] of a) if (b.get(k) !== v) out.push(`planner ${k}=${v}, verify ${b.get(k) ?? 'denied'}`);
  for (const [k, v] of b) if (!a.has(k)) out.push(`planner denied ${k}, verify ${v}`);
  return out;
}

const rule = (
  name: string,
  from: FlowRule['from'],
  to: FlowRule['to'],
  extra: Partial<FlowRule> = {},
): FlowRule => ({
  name,
  from,
  to,
  protocol: 'tcp',
  reason: 'property test of the two readings',
  ...extra,
});

/** Hand-made rule sets over a model's own tenants: tenant to tenant, environments, every segment. */
function handMadeRules(model: EstateModel): FlowRule[] {
  const local = model.tenants.filter((t) => t.scope === 'local');
  const national = model.tenants.find((t) => t.scope === 'national');
  const [a, b, c] = [local[0], local[1 % local.length], local[2 % local.length]];
  const rules: FlowRule[] = [
    rule('tenant-to-tenant', { tenant: a.odsCode }, { tenant: b.odsCode }, { ports: [443, 2575, 443] }),
    rule(
      'env-to-env',
      { tenant: a.odsCode, environment: 'prod' },
      { tenant: c.odsCode, environment: 'prod' },
      { protocol: 'udp', ports: [53] },
    ),
    rule('tenant-to-shared', { tenant: b.odsCode }, { segment: 'shared-services' }, { ports: [22, 3389] }),
    rule('onprem-to-tenant', { segment: 'on-premises' }, { tenant: c.odsCode }, { protocol: 'icmp' }),
    rule('prod-to-prod', { segment: 'tenants-prod' }, { segment: 'tenants-prod' }, { ports: [8443] }),
    rule('nonprod-to-shared', { segment: 'tenants-nonprod' }, { segment: 'shared-services' }),
    rule('shared-to-onprem', { segment: 'shared-services' }, { segment: 'on-premises' }, { protocol: 'udp' }),
    rule(
      'segment-with-env',
      { segment: 'tenants-nonprod', environment: 'prod' },
      { segment: 'shared-services' },
    ),
  ];
  if (national)
    rules.push(
      rule(
        'tenants-to-national',
        { segment: 'tenants-prod' },
        { segment: 'national-services' },
        { ports: [443] },
      ),
      rule('national-to-tenant', { tenant: national.odsCode }, { tenant: a.odsCode }, { ports: [443] }),
      rule(
        'national-to-onprem',
        { segment: 'national-services' },
        { segment: 'on-premises' },
        { ports: [1433] },
      ),
      rule(
        'nonprod-to-national',
        { segment: 'tenants-nonprod' },
        { tenant: national.odsCode },
        { ports: [443] },
      ),
    );
  return rules;
}

function expectReadingsAgree(model: EstateModel): void {
  for (const env of allEnvironments(model))
    expect(`${env.tenant.odsCode}/${env.name} ${segmentOfEnvironment(env)}`).toBe(
      `${env.tenant.odsCode}/${env.name} ${segmentOf(env)}`,
    );
  const { network } = model.estate;
  const plannerHome = homeNetOf([
    network.tenantSupernet,
    ...Object.values(network.hub).filter((r): r is string => !!r),
    ...model.tenants.flatMap((t) => t.network.onPremises?.cidrs ?? []),
  ]);
  expect(equals(estateHomeNet(model), fromCidrs(plannerHome))).toBe(true);
  for (const r of [...model.estate.segmentation.rules, ...handMadeRules(model)]) {
    const planner = plannerPairs(model, r);
    expect({ rule: r.name, disagreements: disagreements(planner, verifyPairs(model, r)) }).toEqual({
      rule: r.name,
      disagreements: [],
    });
  }
}

describe('the planner and the proof read segmentation: alike', () => {
  const cases: [string | number, number][] = [
    ['nhs-cloud', 12],
    [1, 7],
    [2, 30],
    ['readings', 60],
    [42, 120],
  ];
  it.each(cases)('on the generated estate seed %p with %p tenants, flow by flow', (seed, tenants) => {
    expectReadingsAgree(generatedModel({ seed, tenants }).model);
  });

  it('with explicit tiers that differ from the environment names', () => {
    const { model } = generatedModel({ seed: 'tiers', tenants: 12 });
    const [first, second] = model.tenants.filter((t) => t.scope === 'local');
    const retier = (t: (typeof model.tenants)[number]) => ({
      ...t,
      environments: Object.fromEntries(
        Object.entries(t.environments).map(([name, env]) => [
          name,
          { ...env, tier: name === 'prod' ? ('nonprod' as const) : ('prod' as const) },
        ]),
      ),
    });
    const tenants = model.tenants.map((t) => (t === first || t === second ? retier(t) : t));
    expectReadingsAgree({ ...model, tenants });
  });

  it('is not vacuous: the hand-made rules allow pairs of every kind', () => {
    const { model } = generatedModel({ seed: 'nhs-cloud', tenants: 12 });
    const sizes = handMadeRules(model).map((r) => verifyPairs(model, r).size);
    expect(sizes.every((n) => n > 0)).toBe(true);
  });

  describe('a deliberately wrong planner reading is caught', () => {
    const { model } = generatedModel({ seed: 'nhs-cloud', tenants: 12 });
    const rules = handMadeRules(model);

    const mutants: [string, (rules: FirewallRule[]) => FirewallRule[]][] = [
      [
        'one port changed',
        (rs) => rs.map((r, i) => (i === 0 && r.ports ? { ...r, ports: [...r.ports, 8080] } : r)),
      ],
      [
        'one destination dropped',
        (rs) => rs.map((r, i) => (i === 0 ? { ...r, destinations: r.destinations.slice(1) } : r)),
      ],
      [
        'one source added from the other tier',
        (rs) => rs.map((r, i) => (i === 0 ? { ...r, sources: [...r.sources, '10.255.255.0/24'] } : r)),
      ],
      ['protocol changed', (rs) => rs.map((r) => ({ ...r, protocol: r.protocol === 'tcp' ? 'udp' : 'tcp' }))],
      [
        'sources and destinations swapped',
        (rs) => [
          ...rs,
          ...rs.map((r) => ({ ...r, sources: [...r.destinations], destinations: [...r.sources] })),
        ],
      ],
    ];
    it.each(mutants)('%s', (_name, mutate) => {
      const wrong = (m: EstateModel, r: FlowRule) => mutate(flowRulesOf(m, r));
      const caught = rules.filter(
        (r) => disagreements(plannerPairs(model, r, wrong), verifyPairs(model, r)).length > 0,
      );
      expect(caught.length).toBeGreaterThan(0);
    });

    it('a planner segment reading that puts national prod in tenants-prod', () => {
      const wrongSegmentOf = (env: Parameters<typeof segmentOf>[0]) =>
        env.tier === 'nonprod' ? 'tenants-nonprod' : 'tenants-prod';
      const national = allEnvironments(model).filter(
        (env) => env.tenant.scope === 'national' && env.tier === 'prod',
      );
      expect(national.length).toBeGreaterThan(0);
      expect(national.some((env) => wrongSegmentOf(env) !== segmentOfEnvironment(env))).toBe(true);
    });

    it('the unmutated planner agrees on the same rules', () => {
      for (const r of rules) expect(disagreements(plannerPairs(model, r), verifyPairs(model, r))).toEqual([]);
    });
  });

  it('the base estate tenants-prod to national-services rule pairs every local prod with every national prod', () => {
    const { model } = generatedModel({ seed: 'nhs-cloud', tenants: 12 });
    const [r] = model.estate.segmentation.rules.filter((x) => x.name === 'tenants-to-national-services');
    expect(r).toBeDefined();
    const pairs = verifyPairs(model, r);
    const national = allEnvironments(model).filter((e) => segmentOfEnvironment(e) === 'national-services');
    expect(pairs.size).toBe(
      allEnvironments(model).filter((e) => segmentOfEnvironment(e) === 'tenants-prod').length *
        national.length,
    );
  });
});

describe('the planner and the proof read which tenants share a lane: alike', () => {
  const plannerGroups = (model: EstateModel) =>
    laneGroups(model)
      .filter((g) => g.tenants.length > 1)
      .map((g) => [...g.tenants]);

  /** The estate with just these rules, so each rule's joins are compared on their own. */
  const withRules = (model: EstateModel, rules: FlowRule[]): EstateModel => ({
    ...model,
    estate: { ...model.estate, segmentation: { ...model.estate.segmentation, rules } },
  });

  it.each([
    ['nhs-cloud', 12],
    [2, 30],
  ] as const)(
    'rule by rule and all together, on the generated estate seed %p with %p tenants',
    (seed, tenants) => {
      const { model } = generatedModel({ seed, tenants });
      const rules = handMadeRules(model);
      for (const r of rules) {
        const one = withRules(model, [r]);
        expect({ rule: r.name, groups: tenantsSharingLanes(one) }).toEqual({
          rule: r.name,
          groups: plannerGroups(one),
        });
      }
      const all = withRules(model, rules);
      expect(tenantsSharingLanes(all)).toEqual(plannerGroups(all));
    },
  );

  it('is not vacuous: a tenant-to-tenant rule joins, a rule to national services does not', () => {
    const { model } = generatedModel({ seed: 'nhs-cloud', tenants: 12 });
    const rules = handMadeRules(model);
    const byName = (name: string) =>
      withRules(
        model,
        rules.filter((r) => r.name === name),
      );
    expect(tenantsSharingLanes(byName('tenant-to-tenant'))).toHaveLength(1);
    expect(tenantsSharingLanes(byName('tenants-to-national'))).toEqual([]);
    expect(tenantsSharingLanes(byName('tenant-to-shared'))).toEqual([]);
  });

  it('a planner reading that joined tenants with national services would be caught', () => {
    const { model } = generatedModel({ seed: 'nhs-cloud', tenants: 12 });
    const one = withRules(
      model,
      handMadeRules(model).filter((r) => r.name === 'tenants-to-national'),
    );
    // The wrong reading: every tenant the rule names shares one lane.
    const named = allEnvironments(one)
      .filter((e) => ['tenants-prod', 'national-services'].includes(segmentOfEnvironment(e)))
      .map((e) => e.tenant.odsCode);
    const wrong = [[...new Set(named)].sort()];
    expect(wrong[0].length).toBeGreaterThan(2);
    expect(tenantsSharingLanes(one)).not.toEqual(wrong);
    expect(tenantsSharingLanes(one)).toEqual(plannerGroups(one));
  });
});
