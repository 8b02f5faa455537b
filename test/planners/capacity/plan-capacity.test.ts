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

describe('planCapacity: a tiny site (20 Mbps, internet only)', () => {
  const plan = planCapacity(estateModel([{ ods: 'RAX', peakMbps: 20 }]));

  test('every path is sized for 10 x 20 Mbps with one of three AZs lost', () => {
    expect(rowsOf(plan, 'RAX')).toEqual({
      'spoke-attachment': [200, 200_000, 1000],
      inspection: [200, 200_000, 1000],
      'egress-nat': [200, 200_000, 1000],
    });
  });

  test('the hub still gets one firewall endpoint and one NAT gateway per AZ, and no Direct Connect', () => {
    expect(plan.hub).toEqual({
      availabilityZones: ['eu-west-2a', 'eu-west-2b', 'eu-west-2c'],
      firewallEndpointsPerAz: 1,
      natGatewaysPerAz: 1,
      directConnect: undefined,
      vpnConnections: {},
    });
    expect(nationalOf(plan)).toEqual({
      'firewall-endpoints': [200, 200_000, 1000],
      'nat-gateways': [200, 200_000, 1000],
    });
    expect(plan.onPremises).toEqual([]);
    expect(plan.errors).toEqual([]);
    expect(plan.minimumHeadroom).toBe(1000);
  });
});

describe('planCapacity: a tiny site on VPN gets the minimum of one connection', () => {
  const plan = planCapacity(estateModel([{ ods: 'RAX', peakMbps: 20, onPremises: 'vpn' }]));

  test('one connection, two tunnels, one counted', () => {
    expect(plan.onPremises).toEqual([
      {
        tenant: 'RAX',
        needMbps: 200,
        capacityMbps: 1250,
        headroom: 6.25,
        sizing: { kind: 'vpn', connections: 1, tunnels: 2, azLossCapacityMbps: 1250 },
      },
    ]);
    expect(plan.hub.vpnConnections).toEqual({ RAX: 1 });
  });
});

describe('planCapacity: an 800 Mbps trust on VPN', () => {
  const plan = planCapacity(
    estateModel([{ ods: 'RGR', peakMbps: 800, onPremises: 'vpn', environments: ['prod', 'nonprod'] }]),
  );

  test('needs 8,000 Mbps: 4 connections, 8 tunnels, 7 counted (8,750 Mbps)', () => {
    expect(plan.hub.vpnConnections).toEqual({ RGR: 4 });
    expect(plan.onPremises[0]).toMatchObject({ needMbps: 8000, capacityMbps: 8750, headroom: 1.093 });
  });

  test('each environment shows the one shared link at the tenant’s full need', () => {
    for (const environment of ['prod', 'nonprod']) {
      expect(rowsOf(plan, 'RGR', environment)['on-premises']).toEqual([8000, 8750, 1.093]);
    }
  });

  test('national aggregates count the tenant once, not once per environment', () => {
    expect(nationalOf(plan)['firewall-endpoints']).toEqual([8000, 200_000, 25]);
  });
});

describe('planCapacity: a 5 Gbps trust on Direct Connect', () => {
  const plan = planCapacity(
    estateModel([{ ods: 'RW3', peakMbps: 5000, onPremises: 'directConnect' }], {
      dxLocations: TWO_LOCATIONS,
    }),
  );

  test('50 Gbps at each location is past a 10G LAG of 4, so 100 Gbps ports in a LAG of 2', () => {
    expect(plan.hub.directConnect).toEqual({
      kind: 'directConnect',
      portSpeedMbps: 100_000,
      lagPorts: 2,
      locations: TWO_LOCATIONS,
      locationsNeeded: 2,
      totalPorts: 4,
      transitVifs: 2,
    });
  });

  test('the tenant’s on-premises path gets what survives one location and one AZ', () => {
    expect(rowsOf(plan, 'RW3')['on-premises']).toEqual([50_000, 200_000, 4]);
    expect(nationalOf(plan)).toEqual({
      'firewall-endpoints': [50_000, 200_000, 4],
      'nat-gateways': [50_000, 200_000, 4],
      'dx-ports': [50_000, 200_000, 4],
      'dx-gateway-attachment': [50_000, 200_000, 4],
    });
    expect(plan.errors).toEqual([]);
  });
});

describe('planCapacity: a VPN trust beyond the ECMP limit', () => {
  const plan = planCapacity(estateModel([{ ods: 'RDU', peakMbps: 4000, onPremises: 'vpn' }]));

  test('40 Gbps over VPN fails, naming the tenant and path and suggesting Direct Connect', () => {
    expect(plan.errors).toEqual([
      {
        tenant: 'RDU',
        path: 'on-premises',
        message:
          'RDU on-premises: needs 40,000 Mbps (10 x 4,000 Mbps peak) but Site-to-Site VPN tops out at ' +
          '18,750 Mbps (8 connections, 16 tunnels of 1,250 Mbps with ECMP, one held spare); use Direct Connect: ' +
          'set network.onPremises.connection: directConnect in config/tenants/RDU.yaml',
      },
    ]);
  });

  test('the row shows the capped link, not a capacity rounded up to fit', () => {
    expect(rowsOf(plan, 'RDU')['on-premises']).toEqual([40_000, 18_750, 0.468]);
    expect(plan.minimumHeadroom).toBe(0.468);
  });
});

describe('planCapacity: national aggregates', () => {
  // Four DX trusts of 5 Gbps and one of 3.5 Gbps: 235 Gbps of Direct Connect need.
  const dxTrusts = ['RA1', 'RA2', 'RA3', 'RA4'].map((ods) => ({
    ods,
    peakMbps: 5000,
    onPremises: 'directConnect' as const,
  }));

  test('135 Gbps fits two locations only with 100 Gbps ports', () => {
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
  });

  test('past what one DX gateway attachment carries, the plan fails on that path and names the tenants', () => {
    const plan = planCapacity(
      estateModel([...dxTrusts, { ods: 'RA5', peakMbps: 3500, onPremises: 'directConnect' }], {
        dxLocations: TWO_LOCATIONS,
      }),
    );
    expect(plan.hub.directConnect).toMatchObject({ portSpeedMbps: 400_000, lagPorts: 2, locationsNeeded: 2 });
    expect(nationalOf(plan)['dx-ports']).toEqual([235_000, 800_000, 3.404]);
    expect(plan.errors.filter((e) => e.path.startsWith('dx')).map((e) => e.message)).toEqual([
      'dx-gateway-attachment: needs 235,000 Mbps for the Direct Connect tenants (largest: RA1 50,000 Mbps, ' +
        'RA2 50,000 Mbps, RA3 50,000 Mbps of 5 tenants) but one Direct Connect gateway attachment carries ' +
        '200,000 Mbps with one of 3 AZs lost; the hub needs a second Direct Connect gateway attachment',
    ]);
  });

  test('a need past two locations of 2 x 400 Gbps needs another location', () => {
    const big = [{ ods: 'X24', peakMbps: 100_000, onPremises: 'directConnect' as const }];
    const two = planCapacity(estateModel(big, { dxLocations: TWO_LOCATIONS }));
    const lanes = ['firewall-endpoints', 'nat-gateways'];
    expect(two.errors.map((e) => e.path)).toEqual([
      'spoke-attachment',
      ...lanes,
      'dx-ports',
      'dx-gateway-attachment',
    ]);
    expect(two.errors[3].message).toBe(
      "dx-ports: needs 3 Direct Connect locations (a location's LAG carries at most 2 x 400 Gbps and one " +
        'location may be lost); estate.yaml lists 2: add locations to network.directConnect.locations ' +
        '(X24 1,000,000 Mbps)',
    );
    const three = planCapacity(estateModel(big, { dxLocations: [...TWO_LOCATIONS, 'Manchester'] }));
    expect(three.hub.directConnect).toMatchObject({ portSpeedMbps: 400_000, lagPorts: 2, totalPorts: 6 });
    expect(three.errors.map((e) => e.path)).toEqual(['spoke-attachment', ...lanes, 'dx-gateway-attachment']);
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

  test('past 200 Gbps the plan sizes more lanes per AZ, which the hub does not build yet: an unmet need', () => {
    const tenants = Array.from({ length: 5 }, (_, i) => ({ ods: `RB${i}`, peakMbps: 9000 }));
    const plan = planCapacity(estateModel(tenants));
    expect(plan.hub).toMatchObject({ firewallEndpointsPerAz: 3, natGatewaysPerAz: 3 });
    expect(nationalOf(plan)['firewall-endpoints']).toEqual([450_000, 200_000, 0.444]);
    expect(plan.errors.map((e) => e.message)).toEqual([
      'firewall-endpoints: needs 3 inspection lanes per AZ for 450,000 Mbps, but the hub builds 1 (200,000 Mbps with one AZ lost); more lanes need their own segments, see docs/network.md, "Capacity plan"',
      'nat-gateways: needs 3 egress lanes per AZ for 450,000 Mbps, but the hub builds 1 (200,000 Mbps with one AZ lost); more lanes need their own segments, see docs/network.md, "Capacity plan"',
    ]);
  });

  test('a spoke needing more than two AZs of attachment fails for each environment', () => {
    const plan = planCapacity(estateModel([{ ods: 'X26', peakMbps: 25_000, environments: ['prod', 'dev'] }]));
    expect(plan.errors.filter((e) => e.path === 'spoke-attachment').map((e) => e.message)).toEqual(
      ['prod', 'dev'].map(
        (env) =>
          `X26 ${env} spoke-attachment: needs 250,000 Mbps (10 x 25,000 Mbps peak) but a VPC attachment ` +
          'carries 200,000 Mbps with one AZ lost; spread the workload over more environments (each its own VPC)',
      ),
    );
  });
});

test('growthFactor scales every need', () => {
  const plan = planCapacity(
    estateModel([{ ods: 'RGR', peakMbps: 800, onPremises: 'vpn' }], { growthFactor: 2 }),
  );
  expect(plan.growthFactor).toBe(2);
  expect(plan.onPremises[0]).toMatchObject({ needMbps: 1600, capacityMbps: 3750 });
});

test('an estate with no tenants plans nothing and has no minimum headroom', () => {
  const plan = planCapacity(estateModel([]));
  expect(plan).toMatchObject({ paths: [], national: [], errors: [], minimumHeadroom: undefined });
});
