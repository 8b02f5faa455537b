import { planCapacity } from '../../../lib/planners/capacity/plan-capacity';
import { CapacityPlan, TenantPath } from '../../../lib/planners/capacity/types';
import { estateModel, TWO_LOCATIONS } from './estate-builder';

/** One tenant environment's rows as { path: [need, capacity, headroom] }, for compact tables. */
function rowsOf(plan: CapacityPlan, tenant: string, environment = 'prod') {
  return Object.fromEntries(
    plan.paths
      .filter((r) => r.tenant === tenant && r.environment === environment)
      .map((r) => [r.path, [r.needMbps, r.capacityMbps, r.headroom]]),
  ) as Partial<Record<TenantPath, [number, number, number]>>;
}

function nationalOf(plan: CapacityPlan) {
  return Object.fromEntries(plan.national.map((r) => [r.path, [r.needMbps, r.capacityMbps, r.headroom]]));
}

/** At 1,000-byte packets a lane (7.5 Mpps per AZ, two AZs left) carries 120 Gbps. */
const LANE = 120_000;
/** A one-way attachment (spoke, Direct Connect gateway) counts 1,500-byte packets: 180 Gbps. */
const ONE_WAY = 180_000;

describe('planCapacity: a tiny site (20 Mbps, internet only)', () => {
  const plan = planCapacity(estateModel([{ ods: 'RAX', peakMbps: 20 }]));

  test('every path is sized for 10 x 20 Mbps with one of three AZs lost, packet rate included', () => {
    expect(rowsOf(plan, 'RAX')).toEqual({
      'spoke-attachment': [200, ONE_WAY, 900],
      inspection: [200, LANE, 600],
      'egress-nat': [200, LANE, 600],
    });
    expect(plan.paths.find((r) => r.path === 'inspection')?.lane).toBe(1);
  });

  test('one lane, no Direct Connect, the national rows count that lane', () => {
    expect(plan.hub).toMatchObject({
      availabilityZones: ['euw2-az1', 'euw2-az2', 'euw2-az3'],
      directConnect: undefined,
      vpnConnections: {},
    });
    expect(plan.hub.lanes).toMatchObject({
      count: 1,
      capacityMbps: LANE,
      binding: 'attachment packet rate',
      laneOf: { RAX: 1 },
      members: [['RAX']],
      moves: [],
      unpinned: ['RAX'],
    });
    expect(nationalOf(plan)).toEqual({
      'firewall-endpoints': [200, LANE, 600],
      'nat-gateways': [200, LANE, 600],
    });
    expect(plan.lanes).toEqual([
      { lane: 1, path: 'inspection', members: ['RAX'], needMbps: 200, capacityMbps: LANE, headroom: 600 },
      { lane: 1, path: 'egress', members: ['RAX'], needMbps: 200, capacityMbps: LANE, headroom: 600 },
    ]);
    expect(plan.onPremises).toEqual([]);
    expect(plan.errors).toEqual([]);
    expect(plan.minimumHeadroom).toBe(600);
  });
});

describe('planCapacity: an 800 Mbps trust on VPN', () => {
  const plan = planCapacity(
    estateModel([{ ods: 'RGR', peakMbps: 800, onPremises: 'vpn', environments: ['prod', 'nonprod'] }]),
  );

  test('needs 8,000 Mbps: past four standard connections, so 2 of 5 Gbps tunnels, 10,000 Mbps with an AZ (one tunnel of each) lost', () => {
    expect(plan.hub.vpnConnections).toEqual({ RGR: 2 });
    expect(plan.hub.vpnTunnelBandwidth).toEqual({ RGR: 'large' });
    expect(plan.onPremises[0]).toMatchObject({ needMbps: 8000, capacityMbps: 10_000, headroom: 1.25 });
  });

  test('each environment shows the one shared link at the tenant’s full need', () => {
    for (const environment of ['prod', 'nonprod']) {
      expect(rowsOf(plan, 'RGR', environment)['on-premises']).toEqual([8000, 10_000, 1.25]);
    }
  });

  test('national aggregates and the lane count the tenant once, not once per environment', () => {
    expect(nationalOf(plan)['firewall-endpoints']).toEqual([8000, LANE, 15]);
    expect(plan.lanes[0]).toMatchObject({ needMbps: 8000, members: ['RGR'] });
  });
});

describe('planCapacity: a small VPN tenant keeps standard tunnels', () => {
  const plan = planCapacity(estateModel([{ ods: 'RBV', peakMbps: 450, onPremises: 'vpn' }]));

  test('4.5 Gbps: 4 standard connections, 5 Gbps with an AZ lost', () => {
    expect(plan.hub.vpnConnections).toEqual({ RBV: 4 });
    expect(plan.hub.vpnTunnelBandwidth).toEqual({ RBV: 'standard' });
    expect(rowsOf(plan, 'RBV')['on-premises']).toEqual([4500, 5000, 1.111]);
  });
});

describe('planCapacity: VPN past four standard connections uses 5 Gbps tunnels', () => {
  const plan = planCapacity(estateModel([{ ods: 'RDU', peakMbps: 1200, onPremises: 'vpn' }]));

  test('12 Gbps: 3 large connections, 15 Gbps with an AZ lost', () => {
    expect(plan.hub.vpnConnections).toEqual({ RDU: 3 });
    expect(plan.hub.vpnTunnelBandwidth).toEqual({ RDU: 'large' });
    expect(rowsOf(plan, 'RDU')['on-premises']).toEqual([12_000, 15_000, 1.25]);
  });
});

describe('planCapacity: a 5 Gbps trust on Direct Connect', () => {
  const plan = planCapacity(
    estateModel([{ ods: 'RW3', peakMbps: 5000, onPremises: 'directConnect' }], {
      dxLocations: TWO_LOCATIONS,
    }),
  );

  test('50 Gbps at each location is past a 10G LAG of 4, so 100 Gbps ports in a LAG of 2; one gateway', () => {
    expect(plan.hub.directConnect).toEqual({
      kind: 'directConnect',
      portSpeedMbps: 100_000,
      lagPorts: 2,
      lagsPerLocation: 1,
      gateways: [{ gateway: 1, lanes: [1], tenants: ['RW3'], dns: false }],
      locations: TWO_LOCATIONS,
      locationsNeeded: 2,
      totalPorts: 4,
      transitVifs: 2,
    });
  });

  test('the tenant’s on-premises path gets the smaller of what survives one location and its gateway with one AZ lost', () => {
    expect(rowsOf(plan, 'RW3')['on-premises']).toEqual([50_000, ONE_WAY, 3.6]);
    expect(nationalOf(plan)).toEqual({
      'firewall-endpoints': [50_000, LANE, 2.4],
      'nat-gateways': [50_000, LANE, 2.4],
      'dx-ports': [50_000, 200_000, 4],
      'dx-gateway-attachment': [50_000, ONE_WAY, 3.6],
    });
    expect(plan.directConnectGateways).toEqual([
      {
        gateway: 1,
        lanes: [1],
        members: ['RW3'],
        needMbps: 50_000,
        capacityMbps: ONE_WAY,
        headroom: 3.6,
        prefixesFromOnPremises: 1,
        prefixesToOnPremises: 1,
      },
    ]);
    expect(plan.errors).toEqual([]);
  });
});

describe('planCapacity: a VPN trust beyond the ECMP limit', () => {
  const plan = planCapacity(estateModel([{ ods: 'RDU', peakMbps: 4500, onPremises: 'vpn' }]));

  test('45 Gbps over VPN fails, naming the tenant and path and suggesting Direct Connect', () => {
    expect(plan.errors).toEqual([
      {
        tenant: 'RDU',
        path: 'on-premises',
        message:
          'RDU on-premises: needs 45,000 Mbps (10 x 4,500 Mbps peak) but Site-to-Site VPN tops out at ' +
          '40,000 Mbps with an AZ lost (8 connections of two 5,000 Mbps tunnels with ECMP, one tunnel of each left); ' +
          'use Direct Connect: set network.onPremises.connection: directConnect in config/tenants/RDU.yaml',
      },
    ]);
  });

  test('the row shows the capped link, not a capacity rounded up to fit', () => {
    expect(rowsOf(plan, 'RDU')['on-premises']).toEqual([45_000, 40_000, 0.888]);
    expect(plan.minimumHeadroom).toBe(0.888);
  });
});

describe('planCapacity: Direct Connect gateways', () => {
  test('135 Gbps fits two locations only with 100 Gbps ports, and one gateway', () => {
    const plan = planCapacity(
      estateModel(
        [
          { ods: 'RW3', peakMbps: 5000, onPremises: 'directConnect' },
          { ods: 'X24', peakMbps: 5000, onPremises: 'directConnect' },
          { ods: 'RJ7', peakMbps: 2000, onPremises: 'directConnect' },
          { ods: 'RDE', peakMbps: 1500, onPremises: 'directConnect' },
        ],
        { dxLocations: TWO_LOCATIONS },
      ),
    );
    expect(plan.hub.directConnect).toMatchObject({ portSpeedMbps: 100_000, lagPorts: 2, totalPorts: 4 });
    expect(nationalOf(plan)['dx-ports']).toEqual([135_000, 200_000, 1.481]);
    expect(plan.directConnectGateways.map((g) => g.members)).toEqual([['RDE', 'RJ7', 'RW3', 'X24']]);
  });

  test('past what one gateway carries, the plan adds gateways, each within it', () => {
    const trusts = ['RA1', 'RA2', 'RA3', 'RA4', 'RA5'].map((ods) => ({
      ods,
      peakMbps: 5000,
      onPremises: 'directConnect' as const,
    }));
    const plan = planCapacity(estateModel(trusts, { dxLocations: TWO_LOCATIONS }));
    expect(plan.directConnectGateways.map((g) => [g.members, g.needMbps])).toEqual([
      [['RA1', 'RA2', 'RA3'], 150_000],
      [['RA4', 'RA5'], 100_000],
    ]);
    expect(nationalOf(plan)['dx-gateway-attachment']).toEqual([250_000, 2 * ONE_WAY, 1.44]);
    expect(plan.errors.filter((e) => e.path.startsWith('dx'))).toEqual([]);
  });

  test('more gateways than a Transit Gateway associates fails, naming the largest tenants; so do the ports', () => {
    const big = Array.from({ length: 21 }, (_, i) => ({
      ods: `RC${String.fromCharCode(65 + i)}`,
      peakMbps: 10_000,
      onPremises: 'directConnect' as const,
      onPremisesCidrs: [`172.${16 + i}.0.0/16`],
    }));
    const plan = planCapacity(estateModel(big, { dxLocations: TWO_LOCATIONS }));
    expect(plan.directConnectGateways).toHaveLength(21);
    expect(plan.errors.map((e) => e.message)).toEqual([
      'dx-ports: needs 12 ports at each location (6 LAGs of 2, one per four gateways), more than the 10 dedicated ' +
        'connections a location takes; ask AWS to raise it or add locations to network.directConnect.locations ' +
        '(largest: RCA 100,000 Mbps, RCB 100,000 Mbps, RCC 100,000 Mbps of 21 tenants)',
      'dx-gateway-attachment: the Direct Connect tenants need 21 Direct Connect gateways (largest: RCA 100,000 Mbps, ' +
        'RCB 100,000 Mbps, RCC 100,000 Mbps of 21 tenants), more than the 20 one Transit Gateway associates; ' +
        'summarise on-premises CIDRs or move the smallest Direct Connect tenants to VPN',
    ]);
  });

  test('Direct Connect tenants with no locations in estate.yaml fail on dx-ports', () => {
    const plan = planCapacity(estateModel([{ ods: 'RW3', peakMbps: 50, onPremises: 'directConnect' }]));
    expect(plan.errors).toEqual([
      {
        path: 'dx-ports',
        message:
          'dx-ports: tenants use Direct Connect but estate.yaml lists 0 Direct Connect locations; set ' +
          'network.directConnect.locations to at least 2 for resilience (RW3 500 Mbps)',
      },
    ]);
    expect(rowsOf(plan, 'RW3')['on-premises']).toEqual([500, 0, 0]);
  });
});

describe('planCapacity: lanes', () => {
  const tenants = Array.from({ length: 5 }, (_, i) => ({ ods: `RB${i}`, peakMbps: 9000 }));

  test('past one lane the plan builds more, each tenant row showing its own lane as built', () => {
    const plan = planCapacity(estateModel(tenants));
    // Two 90 Gbps tenants do not fit one 120 Gbps lane: five lanes, one each.
    expect(plan.hub.lanes.count).toBe(5);
    expect(nationalOf(plan)['firewall-endpoints']).toEqual([450_000, 5 * LANE, 1.333]);
    expect(
      plan.lanes.filter((l) => l.path === 'inspection').map((l) => [l.lane, l.members, l.needMbps]),
    ).toEqual(tenants.map((t, i) => [i + 1, [t.ods], 90_000]));
    expect(rowsOf(plan, 'RB3').inspection).toEqual([90_000, LANE, 1.333]);
    expect(plan.errors).toEqual([]);
  });

  test('lanes 2 and up need room in network.hub.lanes, and the message names the largest tenants', () => {
    const plan = planCapacity(estateModel(tenants, { lanesRange: null }));
    expect(plan.errors.map((e) => e.message)).toEqual([
      'lanes: the estate needs 5 lanes for 450,000 Mbps (largest: RB0 90,000 Mbps, RB1 90,000 Mbps, RB2 90,000 Mbps of 5 tenants); ' +
        'set network.hub.lanes in estate.yaml to a free range of at least /20 for lanes 2 to 5',
    ]);
    const small = planCapacity(estateModel(tenants, { lanesRange: '10.1.0.0/22' }));
    expect(small.errors.map((e) => e.message)).toEqual([
      'lanes: the estate needs 5 lanes for 450,000 Mbps (largest: RB0 90,000 Mbps, RB1 90,000 Mbps, RB2 90,000 Mbps of 5 tenants) ' +
        'but network.hub.lanes 10.1.0.0/22 holds 1 beyond lane 1 (a /22 each); widen it in estate.yaml',
    ]);
  });

  test('larger packets make a lane carry more: 1,667 bytes reach the attachment’s 100 Gbps per AZ', () => {
    const plan = planCapacity(estateModel(tenants, { averagePacketBytes: 1667 }));
    expect(plan.hub.lanes).toMatchObject({
      count: 3,
      capacityMbps: 200_000,
      binding: 'attachment bandwidth',
    });
  });

  test('losing one of four AZs leaves three: a lane carries 180 Gbps', () => {
    const plan = planCapacity(
      estateModel(tenants, { zones: ['euw2-az1', 'euw2-az2', 'euw2-az3', 'euw2-az4'] }),
    );
    expect(plan.hub.lanes).toMatchObject({ count: 3, capacityMbps: 180_000 });
  });

  test('a spoke needing more than its attachment carries with an AZ lost fails for each environment', () => {
    const plan = planCapacity(
      estateModel([{ ods: 'X26', peakMbps: 19_000, environments: ['prod', 'dev'] }], { lanesRange: null }),
    );
    expect(plan.errors.filter((e) => e.path === 'spoke-attachment').map((e) => e.message)).toEqual(
      ['prod', 'dev'].map(
        (env) =>
          `X26 ${env} spoke-attachment: needs 190,000 Mbps (10 x 19,000 Mbps peak) but a VPC attachment ` +
          'carries 180,000 Mbps with one AZ lost; spread the workload over more environments (each its own VPC)',
      ),
    );
    expect(plan.errors.filter((e) => e.path === 'lanes').map((e) => e.message)).toEqual([
      'lanes: X26 needs 190,000 Mbps (10 x 19,000 Mbps peak), more than one lane carries (120,000 Mbps with one AZ lost); ' +
        "spread X26's workload over more tenants, or raise network.averagePacketBytes if measured packets are larger",
    ]);
  });
});

test('growthFactor scales every need', () => {
  const plan = planCapacity(
    estateModel([{ ods: 'RGR', peakMbps: 800, onPremises: 'vpn' }], { growthFactor: 2 }),
  );
  expect(plan.growthFactor).toBe(2);
  expect(plan.onPremises[0]).toMatchObject({ needMbps: 1600, capacityMbps: 2500 });
});

test('an estate with no tenants plans nothing and has no minimum headroom', () => {
  const plan = planCapacity(estateModel([]));
  expect(plan).toMatchObject({ paths: [], national: [], lanes: [], errors: [], minimumHeadroom: undefined });
  expect(plan.hub.lanes.count).toBe(0);
});
