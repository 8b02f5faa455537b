import { needMbps } from '../../../lib/planners/capacity/capacity-row';
import { laneGroups } from '../../../lib/planners/capacity/lane-groups';
import { placeLanes, Placement } from '../../../lib/planners/capacity/lane-placement';
import { EstateModel, Tenant } from '../../../lib/config/model';
import { estateModel, TenantSpec } from './estate-builder';

const LANE = { capacityMbps: 120_000 };
const needOf = (t: Tenant) => needMbps(10, t.network.currentPeakMbps);
const place = (model: EstateModel) => placeLanes(model, needOf, LANE);

/** Deterministic peaks from 20 Mbps to 6 Gbps, like a real estate's spread. */
function trusts(n: number, offset = 0): TenantSpec[] {
  return Array.from({ length: n }, (_, i) => {
    const k = i + offset;
    const code = `R${'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'[Math.floor(k / 36)]}${'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'[k % 36]}`;
    return { ods: code, peakMbps: 20 + ((k * 7919) % 6000) };
  });
}

/** Pins every tenant where a placement put it, as onboarding writes `network.lane`. */
function pinned(specs: readonly TenantSpec[], placement: Placement): TenantSpec[] {
  return specs.map((s) => ({ ...s, lane: placement.laneOf.get(s.ods) }));
}

describe('placeLanes: balance', () => {
  const specs = trusts(120);
  const plan = place(estateModel(specs));

  test('uses the fewest lanes the need allows, give or take the packing', () => {
    const total = plan.needs.reduce((a, b) => a + b, 0);
    expect(plan.count).toBe(Math.ceil(total / LANE.capacityMbps));
  });

  test('balances need across lanes: the fullest and emptiest are close (worst fit, not a hash)', () => {
    const spread = Math.max(...plan.needs) - Math.min(...plan.needs);
    expect(spread).toBeLessThan(0.05 * LANE.capacityMbps);
    expect(Math.max(...plan.needs)).toBeLessThanOrEqual(LANE.capacityMbps);
  });

  test('is deterministic: the same estate places the same way', () => {
    expect(place(estateModel([...specs].reverse())).laneOf).toEqual(plan.laneOf);
  });
});

describe('placeLanes: stability', () => {
  const specs = trusts(60);
  const first = place(estateModel(specs));
  const settled = pinned(specs, first);

  test('onboarding a tenant moves no pinned tenant; the newcomer goes where there is most room', () => {
    const [newcomer] = trusts(1, 200);
    const after = place(estateModel([...settled, { ...newcomer, peakMbps: 5000 }]));
    for (const s of settled) expect(after.laneOf.get(s.ods)).toBe(s.lane);
    expect(after.moves).toEqual([]);
    expect(after.unpinned).toEqual([newcomer.ods]);
  });

  test('removing tenants moves nobody', () => {
    const after = place(estateModel(settled.filter((_, i) => i % 3 !== 0)));
    for (const s of settled.filter((_, i) => i % 3 !== 0)) expect(after.laneOf.get(s.ods)).toBe(s.lane);
    expect(after.moves).toEqual([]);
  });

  test('a tenant whose lane is full moves, as a reported change; everyone else stays', () => {
    const grown = settled.map((s, i) => (i === 0 ? { ...s, peakMbps: 11_000 } : s));
    const after = place(estateModel(grown));
    expect(after.moves).toHaveLength(1);
    const [move] = after.moves;
    expect(move.from).toBe(settled[0].lane);
    expect(move.to).not.toBe(move.from);
    expect(move.reason).toMatch(/^its pinned lane would need [\d,]+ Mbps against 120,000 Mbps$/);
    const moved = new Set(move.tenants);
    for (const s of grown.filter((g) => !moved.has(g.ods))) expect(after.laneOf.get(s.ods)).toBe(s.lane);
    expect(Math.max(...after.needs)).toBeLessThanOrEqual(LANE.capacityMbps);
  });
});

describe('placeLanes: tenants a rule joins share a lane', () => {
  const rules = [
    {
      name: 'wsh-to-esneft',
      from: { tenant: 'RGR', environment: 'prod' },
      to: { tenant: 'RDE', environment: 'prod' },
      protocol: 'tcp',
      ports: [443],
      reason: 'EPR integration',
    },
    {
      name: 'tenants-to-national',
      from: { segment: 'tenants-prod' },
      to: { segment: 'national-services' },
      protocol: 'tcp',
      ports: [443],
      reason: 'national APIs',
    },
  ];
  const specs: TenantSpec[] = [
    { ods: 'RGR', peakMbps: 5000 },
    { ods: 'RDE', peakMbps: 5000 },
    { ods: 'RW3', peakMbps: 9000 },
    { ods: 'RJ7', peakMbps: 9000 },
    { ods: 'X24', peakMbps: 5000, scope: 'national' },
  ];
  const model = estateModel(specs, { rules });

  test('a tenant-to-tenant rule joins; a rule with national services does not', () => {
    expect(laneGroups(model).filter((g) => g.tenants.length > 1)).toEqual([
      { tenants: ['RDE', 'RGR'], rules: ['wsh-to-esneft'] },
    ]);
  });

  test('joined tenants land in one lane, placed as one group', () => {
    const plan = place(model);
    expect(plan.laneOf.get('RGR')).toBe(plan.laneOf.get('RDE'));
    expect(plan.groups.find((g) => g.tenants.includes('RGR'))?.tenants).toEqual(['RDE', 'RGR']);
  });

  test('a rule from a whole segment to one local tenant joins it with every member', () => {
    const toRde = [
      { ...rules[0], name: 'everyone-to-rde', from: { segment: 'tenants-prod' }, to: { tenant: 'RDE' } },
    ];
    expect(laneGroups(estateModel(specs, { rules: toRde })).filter((g) => g.tenants.length > 1)).toEqual([
      { tenants: ['RDE', 'RGR', 'RJ7', 'RW3'], rules: ['everyone-to-rde'] },
    ]);
  });

  test('joined tenants pinned to different lanes are an error naming them and the rule', () => {
    const plan = place(
      estateModel(
        specs.map((s) => (s.ods === 'RDE' ? { ...s, lane: 2 } : s.ods === 'RGR' ? { ...s, lane: 1 } : s)),
        { rules },
      ),
    );
    expect(plan.errors.map((e) => e.message)).toEqual([
      'lanes: RDE (lane 2), RGR (lane 1) are joined by rule wsh-to-esneft but pinned to different lanes; ' +
        'pin them to one lane (network.lane in each tenant file)',
    ]);
  });
});

describe('placeLanes: a group too big for any lane', () => {
  test('a single tenant: the error names it, its need and what one lane carries', () => {
    const plan = place(
      estateModel([
        { ods: 'RW3', peakMbps: 13_000 },
        { ods: 'RGR', peakMbps: 100 },
      ]),
    );
    expect(plan.errors).toEqual([
      {
        tenant: 'RW3',
        path: 'lanes',
        message:
          'lanes: RW3 needs 130,000 Mbps (10 x 13,000 Mbps peak), more than one lane carries (120,000 Mbps with one AZ lost); ' +
          "spread RW3's workload over more tenants, or raise network.averagePacketBytes if measured packets are larger",
      },
    ]);
    expect(plan.laneOf.get('RGR')).toBe(1);
  });

  test('a joined group: the error names each tenant, the rule and the need together', () => {
    const rules = [
      {
        name: 'big-pair',
        from: { tenant: 'RW3' },
        to: { tenant: 'RJ7' },
        protocol: 'tcp',
        ports: [443],
        reason: 'a large integration',
      },
    ];
    const plan = place(
      estateModel(
        [
          { ods: 'RW3', peakMbps: 7000 },
          { ods: 'RJ7', peakMbps: 6000 },
        ],
        { rules },
      ),
    );
    expect(plan.errors.map((e) => e.message)).toEqual([
      'lanes: RJ7 60,000 Mbps, RW3 70,000 Mbps, joined by rule big-pair, need 130,000 Mbps together, more than one lane ' +
        'carries (120,000 Mbps with one AZ lost); narrow the rule to the environments that need it, or split the flow ' +
        'so the tenants need not share a lane',
    ]);
  });
});

describe('placeLanes: national services are kept in as few lanes as can be', () => {
  test('national services fill the lowest lanes first; the others balance around them', () => {
    const specs: TenantSpec[] = [
      { ods: 'X24', peakMbps: 5000, scope: 'national' },
      { ods: 'X26', peakMbps: 5000, scope: 'national' },
      ...trusts(30),
    ];
    const plan = place(estateModel(specs));
    expect(plan.count).toBeGreaterThan(2);
    // Worst fit would have spread them over two lanes; first fit keeps them in lane 1.
    expect([plan.laneOf.get('X24'), plan.laneOf.get('X26')]).toEqual([1, 1]);
  });
});
