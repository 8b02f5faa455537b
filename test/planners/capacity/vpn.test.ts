import { sizeVpn, VPN_MAX_CAPACITY_MBPS } from '../../../lib/planners/capacity/vpn';

describe('sizeVpn', () => {
  test.each`
    need     | connections | tunnel        | capacity | met
    ${200}   | ${1}        | ${'standard'} | ${1250}  | ${true}
    ${1250}  | ${1}        | ${'standard'} | ${1250}  | ${true}
    ${1251}  | ${2}        | ${'standard'} | ${2500}  | ${true}
    ${5000}  | ${4}        | ${'standard'} | ${5000}  | ${true}
    ${5001}  | ${2}        | ${'large'}    | ${10000} | ${true}
    ${8000}  | ${2}        | ${'large'}    | ${10000} | ${true}
    ${12000} | ${3}        | ${'large'}    | ${15000} | ${true}
    ${40000} | ${8}        | ${'large'}    | ${40000} | ${true}
    ${40001} | ${8}        | ${'large'}    | ${40000} | ${false}
  `('$need Mbps -> $connections $tunnel connections, $capacity Mbps with an AZ lost', (row) => {
    const tunnelMbps = row.tunnel === 'large' ? 5000 : 1250;
    expect(sizeVpn(row.need)).toEqual({
      sizing: {
        kind: 'vpn',
        connections: row.connections,
        tunnels: row.connections * 2,
        tunnelBandwidth: row.tunnel,
        tunnelMbps,
        azLossCapacityMbps: row.capacity,
      },
      capacityMbps: row.capacity,
      met: row.met,
    });
  });

  test('an AZ lost takes one tunnel of every connection, so a tenant keeps its need then', () => {
    const plan = sizeVpn(4500);
    expect(plan.sizing.connections * plan.sizing.tunnelMbps).toBe(plan.capacityMbps);
    expect(plan.capacityMbps).toBeGreaterThanOrEqual(4500);
  });

  test('the policy maximum is 8 connections of large tunnels, one tunnel of each left', () => {
    expect(VPN_MAX_CAPACITY_MBPS).toBe(8 * 5000);
  });
});
