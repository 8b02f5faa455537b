import { parseTgwExpected } from '../../lib/aws/tgw-expected';
import { tgwExpectedFromPlan, tgwExpectedOf } from '../../lib/aws/tgw-expected-plan';
import { ExpectedRouteTable, TgwExpected } from '../../lib/aws/verify-live';
import { planCapacity } from '../../lib/planners/capacity/plan-capacity';
import { planNetwork } from '../../lib/planners/hub/network-plan';
import { fixtureModel } from '../support/fixture-estate';

/**
 * The expected gateway of the example estate, planned from config. Names and CIDRs are
 * written out: they are what an operator sees in the console and in config/tenants.
 */
const model = fixtureModel();
const expected: TgwExpected = tgwExpectedFromPlan(model);

function table(segment: string): ExpectedRouteTable {
  const found = expected.routeTables.find((t) => t.name === `nhs-cloud-${segment}`);
  if (!found) throw new Error(`no route table nhs-cloud-${segment}`);
  return found;
}

/** Every table that associates, or learns propagated routes from, an attachment. */
const tablesWith = (kind: 'associations' | 'propagations', attachment: string) =>
  expected.routeTables.filter((t) => t[kind].includes(attachment)).map((t) => t.name);

const blackholedIn = (cidr: string) =>
  expected.routeTables
    .filter((t) => t.staticRoutes.some((r) => r.cidr === cidr && r.target === 'blackhole'))
    .map((t) => t.name);

describe('the expected gateway planned from the example config', () => {
  test('lane 1 keeps a table per segment; lane 2 adds its own, named with -lane-02', () => {
    expect(expected.routeTables.map((t) => t.name)).toEqual([
      'nhs-cloud-national-services',
      'nhs-cloud-on-premises',
      'nhs-cloud-post-inspection',
      'nhs-cloud-post-inspection-lane-02',
      'nhs-cloud-shared-services',
      'nhs-cloud-tenants-nonprod',
      'nhs-cloud-tenants-nonprod-lane-02',
      'nhs-cloud-tenants-prod',
      'nhs-cloud-tenants-prod-lane-02',
    ]);
  });

  test('RGR (a trust with a VPN): spokes by tier, VPN connections on-premises, all propagating to post-inspection only', () => {
    expect(tablesWith('associations', 'RGR-prod')).toEqual(['nhs-cloud-tenants-prod']);
    expect(tablesWith('associations', 'RGR-nonprod')).toEqual(['nhs-cloud-tenants-nonprod']);
    const vpnCount = planNetwork(model, planCapacity(model).hub).vpnLinks.find((l) => l.tenant === 'RGR')!
      .connections.length;
    const vpns = Array.from({ length: vpnCount }, (_, i) => `RGR-vpn-${i + 1}`);
    expect(vpnCount).toBeGreaterThan(1); // ECMP across several connections
    expect(table('on-premises').associations).toEqual(expect.arrayContaining(vpns));
    for (const attachment of ['RGR-prod', 'RGR-nonprod', ...vpns]) {
      expect({ attachment, tables: tablesWith('propagations', attachment) }).toEqual({
        attachment,
        tables: ['nhs-cloud-post-inspection'],
      });
    }
  });

  test('RGR tier blackholes: prod is unreachable from nonprod and nonprod from prod and national services', () => {
    expect(blackholedIn('10.64.0.0/21')).toEqual(['nhs-cloud-tenants-nonprod']);
    expect(blackholedIn('10.64.8.0/21')).toEqual(['nhs-cloud-national-services', 'nhs-cloud-tenants-prod']);
  });

  test('X24 (national, Direct Connect, lane 1): reachable from both lanes, never from nonprod', () => {
    expect(tablesWith('associations', 'X24-prod')).toEqual(['nhs-cloud-national-services']);
    expect(tablesWith('associations', 'X24-nonprod')).toEqual(['nhs-cloud-tenants-nonprod']);
    expect(tablesWith('propagations', 'X24-prod')).toEqual([
      'nhs-cloud-post-inspection',
      'nhs-cloud-post-inspection-lane-02',
    ]);
    expect(blackholedIn('10.64.240.0/21')).toEqual([
      'nhs-cloud-tenants-nonprod',
      'nhs-cloud-tenants-nonprod-lane-02',
    ]);
    // Replies to lane 2's prod tenants (RW3) go back through lane 2; lane 2 has no national table.
    const rw3 = model.tenants.find((t) => t.odsCode === 'RW3')!.environments.prod.cidr;
    expect(table('national-services').staticRoutes).toContainEqual({
      cidr: rw3,
      target: 'inspection-lane-02',
    });
    // The estate's one Direct Connect gateway carries X24's HSCN link, by its conventional name.
    expect(tablesWith('associations', 'direct-connect-gateway')).toEqual(['nhs-cloud-on-premises']);
    expect(tablesWith('propagations', 'direct-connect-gateway')).toEqual([
      'nhs-cloud-post-inspection',
      'nhs-cloud-post-inspection-lane-02',
    ]);
  });

  test('the hub: inspection feeds post-inspection, which alone learns routes and leaves through egress', () => {
    expect(table('post-inspection')).toMatchObject({
      associations: ['inspection'],
      staticRoutes: [
        { cidr: '0.0.0.0/0', target: 'egress' },
        { cidr: '10.0.0.0/8', target: 'blackhole' },
        { cidr: '172.16.0.0/12', target: 'blackhole' },
        { cidr: '192.168.0.0/16', target: 'blackhole' },
      ],
    });
    expect(table('post-inspection-lane-02')).toMatchObject({
      associations: ['inspection-lane-02'],
      staticRoutes: expect.arrayContaining([{ cidr: '0.0.0.0/0', target: 'egress-lane-02' }]),
    });
    expect(table('shared-services').associations).toEqual(['egress', 'egress-lane-02', 'shared-services']);
    expect(tablesWith('propagations', 'shared-services')).toEqual([
      'nhs-cloud-post-inspection',
      'nhs-cloud-post-inspection-lane-02',
    ]);
    for (const name of ['inspection', 'egress', 'inspection-lane-02', 'egress-lane-02'])
      expect(tablesWith('propagations', name)).toEqual([]);
    for (const t of expected.routeTables.filter((t) => !t.name.startsWith('nhs-cloud-post-inspection'))) {
      const lane2 = t.name.endsWith('-lane-02');
      expect(t.propagations).toEqual([]);
      expect(t.staticRoutes).toEqual(
        expect.arrayContaining([
          { cidr: '0.0.0.0/0', target: lane2 ? 'inspection-lane-02' : 'inspection' },
          { cidr: lane2 ? '10.1.0.0/23' : '10.0.0.0/22', target: 'blackhole' }, // the inspection VPC itself
        ]),
      );
    }
  });

  test('every vended environment is associated exactly once', () => {
    const spokes = model.tenants.flatMap((t) =>
      Object.entries(t.environments)
        .filter(([, env]) => env.accountId)
        .map(([name]) => `${t.odsCode}-${name}`),
    );
    expect(spokes).toHaveLength(32);
    for (const spoke of spokes)
      expect({ spoke, n: tablesWith('associations', spoke).length }).toEqual({ spoke, n: 1 });
  });

  test('is valid as an --expected file, so it can be saved and reviewed', () => {
    expect(parseTgwExpected(JSON.parse(JSON.stringify(expected)))).toEqual(expected);
  });

  test('a route to an attachment the plan never makes is a planner bug, not a silent name', () => {
    const plan = planNetwork(model, planCapacity(model).hub).segmentation;
    const broken = {
      ...plan,
      routes: [...plan.routes, { ...plan.routes[0], target: { attachment: 'Nowhere' } }],
    };
    expect(() => tgwExpectedOf(model.estate, broken)).toThrow(
      'the segmentation plan routes to Nowhere, which it never attaches',
    );
  });
});
