import { capacityJson, formatCapacityJson } from '../../lib/capacity-report/format-json';
import { planCapacity } from '../../lib/planners/capacity/plan-capacity';
import { estateModel } from '../planners/capacity/estate-builder';
import { FAILING_PLAN, MIXED_PLAN } from './fixtures';

describe('capacity JSON', () => {
  const json = JSON.parse(formatCapacityJson(MIXED_PLAN));

  test('has the documented top-level fields and nothing else', () => {
    expect(Object.keys(json)).toEqual([
      'ok',
      'growthFactor',
      'minimumHeadroom',
      'hub',
      'paths',
      'onPremises',
      'national',
      'errors',
    ]);
    expect(json).toMatchObject({ ok: true, growthFactor: 10, minimumHeadroom: 1.093, errors: [] });
  });

  test('gives every tenant environment and path its need, capacity and headroom', () => {
    expect(json.paths).toHaveLength(3 + 4 + 4 + 4);
    expect(json.paths.filter((r: { tenant: string }) => r.tenant === 'RGR').slice(3, 5)).toEqual([
      {
        tenant: 'RGR',
        environment: 'prod',
        path: 'on-premises',
        needMbps: 8000,
        capacityMbps: 8750,
        headroom: 1.093,
        sizing: { kind: 'vpn', connections: 4, tunnels: 8, azLossCapacityMbps: 5000 },
      },
      {
        tenant: 'RGR',
        environment: 'nonprod',
        path: 'spoke-attachment',
        needMbps: 8000,
        capacityMbps: 200_000,
        headroom: 25,
      },
    ]);
  });

  test('gives the national aggregates in the same shape, with their sizing', () => {
    expect(json.national.map((r: object) => Object.keys(r))).toEqual(
      Array(4).fill(['path', 'needMbps', 'capacityMbps', 'headroom', 'sizing']),
    );
    expect(json.national[2]).toEqual({
      path: 'dx-ports',
      needMbps: 50_000,
      capacityMbps: 200_000,
      headroom: 4,
      sizing: {
        kind: 'directConnect',
        portSpeedMbps: 100_000,
        lagPorts: 2,
        locations: ['Slough', 'Docklands'],
        locationsNeeded: 2,
        totalPorts: 4,
        transitVifs: 2,
      },
    });
    expect(json.hub).toMatchObject({
      firewallEndpointsPerAz: 1,
      natGatewaysPerAz: 1,
      vpnConnections: { RGR: 4 },
    });
  });

  test('reports unmet needs with ok false', () => {
    const failing = capacityJson(FAILING_PLAN);
    expect(failing.ok).toBe(false);
    expect(failing.errors.map((e) => [e.tenant, e.path])).toEqual([['RDU', 'on-premises']]);
    expect(failing.minimumHeadroom).toBe(0.468);
  });

  test('an empty estate has a null minimum headroom, which JSON can carry', () => {
    expect(capacityJson(planCapacity(estateModel([]))).minimumHeadroom).toBeNull();
  });
});
