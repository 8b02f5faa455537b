import { needMbps } from '../../../lib/planners/capacity/capacity-row';
import { planDirectConnectGateways } from '../../../lib/planners/capacity/dx-gateways';
import { Tenant } from '../../../lib/config/model';
import { estateModel, TenantSpec, TWO_LOCATIONS } from './estate-builder';

const needOf = (t: Tenant) => needMbps(10, t.network.currentPeakMbps);
const code = (i: number) =>
  `R${'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'[Math.floor(i / 36)]}${'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i % 36]}`;
const dx = (i: number, peakMbps: number, cidrs = 1): TenantSpec => ({
  ods: code(i),
  peakMbps,
  onPremises: 'directConnect',
  onPremisesCidrs: Array.from({ length: cidrs }, (_, j) => `172.${16 + (i % 16)}.${(i * 8 + j) % 256}.0/24`),
});
const laneOf = (specs: readonly TenantSpec[]) => new Map(specs.map((s, i) => [s.ods, (i % 3) + 1]));

describe('planDirectConnectGateways', () => {
  test('splits by bandwidth: each gateway within one attachment with an AZ lost, largest first, best fit', () => {
    const specs = [dx(0, 9000), dx(1, 8000), dx(2, 5000), dx(3, 4000), dx(4, 1000)];
    const plan = planDirectConnectGateways(
      estateModel(specs, { dxLocations: TWO_LOCATIONS }),
      laneOf(specs),
      needOf,
      180_000,
    );
    expect(plan.rows.map((g) => [g.members, g.needMbps])).toEqual([
      [['R00', 'R01', 'R04'], 180_000],
      [['R02', 'R03'], 90_000],
    ]);
    expect(plan.rows.every((g) => g.needMbps <= g.capacityMbps)).toBe(true);
    // A gateway propagates into the lanes its members are in.
    expect(plan.gateways.map((g) => g.lanes)).toEqual([
      [1, 2],
      [1, 3],
    ]);
    expect(plan.errors).toEqual([]);
  });

  test('splits by prefixes: at most 100 learned from on-premises per gateway', () => {
    const specs = Array.from({ length: 3 }, (_, i) => dx(i, 100, 40));
    const plan = planDirectConnectGateways(
      estateModel(specs, { dxLocations: TWO_LOCATIONS }),
      laneOf(specs),
      needOf,
      180_000,
    );
    expect(plan.rows.map((g) => [g.members, g.prefixesFromOnPremises])).toEqual([
      [['R00', 'R01'], 80],
      [['R02'], 40],
    ]);
  });

  test('splits by prefixes: at most 200 advertised (each member environment, shared services on the DNS gateway)', () => {
    const specs = Array.from({ length: 150 }, (_, i) => ({
      ...dx(i, 20),
      environments: ['prod', 'nonprod'],
    }));
    const plan = planDirectConnectGateways(
      estateModel(specs, { dxLocations: TWO_LOCATIONS }),
      laneOf(specs),
      needOf,
      180_000,
    );
    expect(plan.rows.map((g) => g.prefixesToOnPremises)).toEqual([200, 100]);
  });

  test('one tenant beyond a gateway is an error naming it', () => {
    const specs = [dx(0, 19_000)];
    const plan = planDirectConnectGateways(
      estateModel(specs, { dxLocations: TWO_LOCATIONS }),
      laneOf(specs),
      needOf,
      180_000,
    );
    expect(plan.errors.map((e) => e.message)).toEqual([
      'dx-gateway-1: R00 190,000 Mbps needs 190,000 Mbps, 1 prefixes from and 1 to on-premises, more than one Direct Connect gateway carries (180,000 Mbps with one AZ lost, 100 and 200 prefixes)',
    ]);
  });
});
