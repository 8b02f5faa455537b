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
      'lanes',
      'directConnectGateways',
      'quotas',
      'errors',
    ]);
    expect(json).toMatchObject({ ok: true, growthFactor: 10, minimumHeadroom: 1.25, errors: [] });
  });

  test('gives every tenant environment and path its need, capacity and headroom', () => {
    expect(json.paths).toHaveLength(3 + 4 + 4 + 4);
    expect(json.paths.filter((r: { tenant: string }) => r.tenant === 'RGR').slice(3, 5)).toEqual([
      {
        tenant: 'RGR',
        environment: 'prod',
        path: 'on-premises',
        needMbps: 8000,
        capacityMbps: 10_000,
        headroom: 1.25,
        sizing: {
          kind: 'vpn',
          connections: 2,
          tunnels: 4,
          tunnelBandwidth: 'large',
          tunnelMbps: 5000,
          azLossCapacityMbps: 10_000,
        },
      },
      {
        tenant: 'RGR',
        environment: 'nonprod',
        path: 'spoke-attachment',
        needMbps: 8000,
        capacityMbps: 180_000,
        headroom: 22.5,
      },
    ]);
    expect(json.paths.find((r: { path: string }) => r.path === 'inspection')).toMatchObject({ lane: 1 });
  });

  test('gives each lane its need, capacity, headroom and members, in the shape of the paths', () => {
    expect(json.lanes).toEqual([
      {
        lane: 1,
        path: 'inspection',
        needMbps: 58_200,
        capacityMbps: 120_000,
        headroom: 2.061,
        members: ['RAX', 'RGR', 'RW3'],
      },
      {
        lane: 1,
        path: 'egress',
        needMbps: 58_200,
        capacityMbps: 120_000,
        headroom: 2.061,
        members: ['RAX', 'RGR', 'RW3'],
      },
    ]);
    expect(json.directConnectGateways).toEqual([
      {
        gateway: 1,
        lanes: [1],
        members: ['RW3'],
        needMbps: 50_000,
        capacityMbps: 180_000,
        headroom: 3.6,
        prefixesFromOnPremises: 1,
        prefixesToOnPremises: 1,
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
        lagsPerLocation: 1,
        gateways: [{ gateway: 1, lanes: [1], tenants: ['RW3'], dns: false }],
        locations: ['Slough', 'Docklands'],
        locationsNeeded: 2,
        totalPorts: 4,
        transitVifs: 2,
      },
    });
    expect(json.hub).toMatchObject({
      lanes: { count: 1, capacityMbps: 120_000, laneOf: { RAX: 1, RGR: 1, RW3: 1 } },
      vpnConnections: { RGR: 2 },
    });
  });

  test('reports unmet needs with ok false', () => {
    const failing = capacityJson(FAILING_PLAN);
    expect(failing.ok).toBe(false);
    expect(failing.errors.map((e) => [e.tenant, e.path])).toEqual([['RDU', 'on-premises']]);
    expect(failing.minimumHeadroom).toBe(0.888);
  });

  test('an empty estate has a null minimum headroom, which JSON can carry', () => {
    expect(capacityJson(planCapacity(estateModel([]))).minimumHeadroom).toBeNull();
  });
});
