import { planTopology } from '../../lib/diagram/topology';
import { fixtureModel } from '../support/fixture-estate';
import { syntheticEstate } from './estate-fixture';

describe('the example estate', () => {
  const topology = planTopology(fixtureModel());

  test('groups national bodies first, then tenants by ICB, none collapsed', () => {
    expect(topology.groups.map((g) => [g.id, g.tenants.map((t) => t.odsCode), g.collapsed])).toEqual([
      ['national', ['X24'], false],
      ['QHM', ['QHM', 'RX4', 'RX6'], false],
      ['QJG', ['QJG', 'RDE', 'RGR'], false],
      ['QNQ', ['QNQ', 'RDU', 'RWX'], false],
      ['QOP', ['QOP', 'RBV', 'RM3', 'RW3'], false],
      ['QWE', ['QWE', 'RAX', 'RJ7'], false],
    ]);
    expect(topology.totals).toEqual({ national: 1, icbs: 5, trusts: 11, environments: 32 });
  });

  test('joins each group to the route tables its environments associate with', () => {
    const segmentsOf = (id: string) => topology.groups.find((g) => g.id === id)!.segments;
    expect(segmentsOf('national')).toEqual(['national-services', 'tenants-nonprod']);
    expect(segmentsOf('QJG')).toEqual(['tenants-prod', 'tenants-nonprod']);
  });

  test('takes the hub and links from estate.yaml and the tenant files', () => {
    expect(topology.hub).toMatchObject({
      networkAccount: '100000000004',
      transitGatewayAsn: 64512,
      inspectionCidr: '10.0.0.0/22',
      egressCidr: '10.0.4.0/22',
      sharedServicesCidr: '10.0.8.0/21',
      forwardedDomains: ['hscn.nhs.uk'],
    });
    expect(topology.hub.segments).toHaveLength(6);
    expect(topology.onPremises.directConnectLocations.length).toBeGreaterThanOrEqual(2);
    expect(topology.onPremises).toEqual({
      directConnectLocations: fixtureModel().estate.network.directConnect!.locations,
      vpnTenants: 7,
      directConnectTenants: 4,
    });
  });
});

describe('thresholds', () => {
  test('a group above the per-group limit collapses to counts; one at the limit does not', () => {
    const groups = planTopology(syntheticEstate(1, [12, 7])).groups;
    expect(groups.map((g) => [g.id, g.tenants.length, g.collapsed])).toEqual([
      ['national', 1, false],
      ['Q00', 13, true],
      ['Q01', 8, false],
    ]);
    expect(groups[1]!.counts).toEqual({ national: 0, icbs: 1, trusts: 12, environments: 26 });
  });

  test('250 tenants: every large ICB collapses, and at most 40 tenant nodes are drawn', () => {
    // 2 national bodies, 20 ICBs, 228 trusts: 12 in the first ICB, 12 in the next 18, 0 in the last.
    const model = syntheticEstate(2, [12, ...Array<number>(18).fill(12), 0]);
    expect(model.tenants).toHaveLength(250);
    const topology = planTopology(model);
    const drawn = topology.groups.filter((g) => !g.collapsed).flatMap((g) => g.tenants);
    expect(drawn.length).toBeLessThanOrEqual(40);
    expect(topology.groups.filter((g) => g.collapsed).map((g) => g.id)).toHaveLength(19);
    expect(topology.totals).toEqual({ national: 2, icbs: 20, trusts: 228, environments: 500 });
  });

  test('many small groups: the largest collapse first until the node budget is met', () => {
    // 60 ICBs of 1 + 3 trusts (240 tenants), with ICB 7 a little larger so it goes first.
    const sizes = Array<number>(60).fill(3);
    sizes[7] = 5;
    const topology = planTopology(syntheticEstate(10, sizes), { maxTenantNodes: 40 });
    const drawn = topology.groups.filter((g) => !g.collapsed).reduce((n, g) => n + g.tenants.length, 0);
    expect(drawn).toBeLessThanOrEqual(40);
    expect(drawn).toBeGreaterThan(36); // no more collapsed than needed
    expect(topology.groups.find((g) => g.id === 'national')!.collapsed).toBe(true); // 10 > 8
    expect(topology.groups.find((g) => g.id === 'Q07')!.collapsed).toBe(true);
    expect(topology.groups.find((g) => g.id === 'Q1N')!.collapsed).toBe(false); // the last: still drawn
  });
});
