import { laneRanges } from '../../../lib/planners/hub/lane-ranges';
import { planSegmentation } from '../../../lib/planners/segmentation/plan-segmentation';
import { BindingPlan, StaticRoutePlan } from '../../../lib/planners/segmentation/types';
import { planReturns, planShards } from '../../../lib/planners/shards';
import { planVpnLinks } from '../../../lib/planners/hub/vpn-links';
import { networkModel } from './network-model';

/**
 * Two lanes: RGR (VPN) and X24 (national, Direct Connect, holding the resolvers) in lane 1,
 * RDE (Direct Connect) and QHM in lane 2. RDE's gateway serves lane 2, X24's lane 1.
 */
const model = (() => {
  const m = networkModel(
    [
      {
        ods: 'RGR',
        onPremises: {
          connection: 'vpn',
          cidrs: ['172.20.0.0/16'],
          asn: 65010,
          customerGatewayIps: ['203.0.113.10'],
        },
      },
      { ods: 'RDE', onPremises: { connection: 'directConnect', cidrs: ['172.21.0.0/16'], asn: 65011 } },
      {
        ods: 'X24',
        scope: 'national',
        onPremises: { connection: 'directConnect', cidrs: ['172.31.0.0/16'], asn: 65012 },
      },
      { ods: 'QHM' },
    ],
    { resolvers: ['172.31.255.10'] },
  );
  return {
    ...m,
    estate: {
      ...m.estate,
      network: { ...m.estate.network, hub: { ...m.estate.network.hub, lanes: '10.1.0.0/16' } },
    },
  };
})();
const laneOf = { RGR: 1, X24: 1, RDE: 2, QHM: 2 };
const vpnLinks = planVpnLinks(model, { RGR: 1 });
const plan = planSegmentation(model, {
  vpnLinks,
  laneOf,
  lanes: laneRanges(model.estate, 2),
  directConnectGateways: [
    { gateway: 1, lanes: [1], tenants: ['X24'], dns: true },
    { gateway: 2, lanes: [2], tenants: ['RDE'], dns: false },
  ],
  dnsLane: 1,
});
const cidr = (ods: string, env: string) =>
  model.tenants.find((t) => t.odsCode === ods)!.environments[env].cidr;
const routesTo = (destination: string): [string, string, string][] =>
  plan.routes
    .filter((r) => r.destination === destination)
    .map((r: StaticRoutePlan) => [
      r.segment,
      r.target === 'blackhole' ? 'blackhole' : r.target.attachment,
      r.home.stack,
    ]);
const bindings = (list: readonly BindingPlan[], key: string) =>
  list.filter((b) => b.attachment === key).map((b) => [b.table, b.home.stack]);

describe('lane ranges', () => {
  test('lane 1 keeps the hub ranges; lane 2 takes the first /22 of network.hub.lanes', () => {
    expect(laneRanges(model.estate, 3)).toEqual([
      { lane: 1, inspection: '10.0.0.0/22', egress: '10.0.4.0/22' },
      { lane: 2, inspection: '10.1.0.0/23', egress: '10.1.2.0/23' },
      { lane: 3, inspection: '10.1.4.0/23', egress: '10.1.6.0/23' },
    ]);
  });

  test('without room for the lanes, a located input error', () => {
    const tight = {
      ...model.estate,
      network: { ...model.estate.network, hub: { ...model.estate.network.hub, lanes: '10.1.0.0/22' } },
    };
    expect(() => laneRanges(tight, 3)).toThrow(
      'estate.yaml network.hub.lanes: expected a range with room for lanes 2 to 3 (a /22 each), got 10.1.0.0/22',
    );
  });
});

describe('route tables per lane', () => {
  test('lane 1 keeps its six tables; lane 2 has post-inspection and the segments its members join', () => {
    expect(plan.tables.map((t) => t.key)).toEqual([
      'national-services',
      'tenants-prod',
      'tenants-nonprod',
      'shared-services',
      'on-premises',
      'post-inspection',
      'tenants-prod@2',
      'tenants-nonprod@2',
      'post-inspection@2',
    ]);
  });
});

describe('attachments per lane', () => {
  test('each lane has its inspection and egress attachments; lane 2’s live in its own stack', () => {
    expect(bindings(plan.associations, 'InspectionLane02')).toEqual([['post-inspection@2', 'lane']]);
    expect(bindings(plan.associations, 'EgressLane02')).toEqual([['shared-services', 'lane']]);
    expect(bindings(plan.propagations, 'InspectionLane02')).toEqual([]);
  });

  test('a tenant joins its segment in its lane and propagates only into its lane’s post-inspection', () => {
    expect(bindings(plan.associations, 'SpokeRDEprod')).toEqual([['tenants-prod@2', 'shard']]);
    expect(bindings(plan.propagations, 'SpokeRDEprod')).toEqual([['post-inspection@2', 'shard']]);
    expect(bindings(plan.associations, 'VpnRGR1')).toEqual([['on-premises', 'shard']]);
    expect(bindings(plan.propagations, 'VpnRGR1')).toEqual([['post-inspection', 'shard']]);
  });

  test('a national service is reachable from every lane; its reach into lane 2 lives in lane 2', () => {
    expect(bindings(plan.propagations, 'SpokeX24prod')).toEqual([
      ['post-inspection', 'shard'],
      ['post-inspection@2', 'lane'],
    ]);
    expect(bindings(plan.propagations, 'SpokeX24nonprod')).toEqual([['post-inspection', 'shard']]);
  });

  test('shared services propagate into every lane; each gateway into the lanes it serves', () => {
    expect(bindings(plan.propagations, 'SharedServices')).toEqual([
      ['post-inspection', 'links'],
      ['post-inspection@2', 'links'],
    ]);
    expect(bindings(plan.propagations, 'DirectConnect')).toEqual([['post-inspection', 'hub']]);
    expect(bindings(plan.propagations, 'DirectConnect2')).toEqual([['post-inspection@2', 'lane']]);
  });
});

describe('routes per lane', () => {
  test('each lane’s source tables go to its own inspection; its post-inspection to its own egress', () => {
    expect(routesTo('0.0.0.0/0')).toEqual([
      ['national-services', 'Inspection', 'hub'],
      ['tenants-prod', 'Inspection', 'hub'],
      ['tenants-nonprod', 'Inspection', 'hub'],
      ['shared-services', 'Inspection', 'hub'],
      ['on-premises', 'Inspection', 'hub'],
      ['post-inspection', 'Egress', 'hub'],
      ['tenants-prod@2', 'InspectionLane02', 'lane'],
      ['tenants-nonprod@2', 'InspectionLane02', 'lane'],
      ['post-inspection@2', 'EgressLane02', 'lane'],
    ]);
    expect(routesTo('10.1.0.0/23')).toEqual([
      ['tenants-prod@2', 'blackhole', 'lane'],
      ['tenants-nonprod@2', 'blackhole', 'lane'],
    ]);
  });

  test('a lane-2 environment: a tier blackhole in its lane, and return routes from the shared and national tables', () => {
    expect(routesTo(cidr('RDE', 'prod'))).toEqual([
      ['tenants-nonprod@2', 'blackhole', 'shard'],
      ['shared-services', 'InspectionLane02', 'returns'],
      ['on-premises', 'InspectionLane02', 'returns'],
      // X24 in lane 1 replies to RDE's lane.
      ['national-services', 'InspectionLane02', 'returns'],
    ]);
    // QHM has no on-premises link: no return route in on-premises; nonprod none from national services.
    expect(routesTo(cidr('QHM', 'nonprod'))).toEqual([
      ['tenants-prod@2', 'blackhole', 'shard'],
      ['shared-services', 'InspectionLane02', 'returns'],
    ]);
  });

  test('national prod is blackholed in every lane’s nonprod table: nonprod never reaches it', () => {
    expect(routesTo(cidr('X24', 'prod'))).toEqual([
      ['tenants-nonprod', 'blackhole', 'shard'],
      ['tenants-nonprod@2', 'blackhole', 'lane'],
    ]);
  });

  test('lane 1 environments need no return routes: the shared tables default to lane 1', () => {
    expect(plan.routes.filter((r) => r.home.stack === 'returns' && r.tenant === 'RGR')).toEqual([]);
  });
});

describe('shards and returns', () => {
  test('return routes live in a returns stack per shard; shards keep only what attaches the tenant', () => {
    const returns = planReturns(plan);
    expect(returns.flatMap((r) => r.tenants).sort()).toEqual(['QHM', 'RDE']);
    // RDE: shared-services 2, on-premises 2, national-services 1; QHM: shared-services 2, national-services 1.
    expect(returns.reduce((n, r) => n + r.resources, 0)).toBe(5 + 3);
    const shards = planShards(model, plan, vpnLinks);
    const lookups = shards.filter((s) => s.attachments > 0).length;
    // RGR 13 (as before lanes), RDE 8, QHM 8, X24 9 (its reach into lane 2 is lane 2's).
    expect(shards.reduce((n, s) => n + s.resources, 0) - lookups).toBe(13 + 8 + 8 + 9);
  });
});
