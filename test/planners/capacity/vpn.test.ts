import { sizeVpn, VPN_MAX_CAPACITY_MBPS } from '../../../lib/planners/capacity/vpn';

describe('sizeVpn', () => {
  test.each`
    need     | connections | tunnels | capacity | azLoss   | met
    ${200}   | ${1}        | ${2}    | ${1250}  | ${1250}  | ${true}
    ${1250}  | ${1}        | ${2}    | ${1250}  | ${1250}  | ${true}
    ${1251}  | ${2}        | ${4}    | ${3750}  | ${2500}  | ${true}
    ${8000}  | ${4}        | ${8}    | ${8750}  | ${5000}  | ${true}
    ${12000} | ${6}        | ${12}   | ${13750} | ${7500}  | ${true}
    ${18750} | ${8}        | ${16}   | ${18750} | ${10000} | ${true}
    ${18751} | ${8}        | ${16}   | ${18750} | ${10000} | ${false}
    ${40000} | ${8}        | ${16}   | ${18750} | ${10000} | ${false}
  `('$need Mbps -> $connections connections, $tunnels tunnels, $capacity Mbps', (row) => {
    const plan = sizeVpn(row.need);
    expect(plan).toEqual({
      sizing: {
        kind: 'vpn',
        connections: row.connections,
        tunnels: row.tunnels,
        azLossCapacityMbps: row.azLoss,
      },
      capacityMbps: row.capacity,
      met: row.met,
    });
  });

  test('the policy maximum is 16 tunnels less one spare', () => {
    expect(VPN_MAX_CAPACITY_MBPS).toBe(15 * 1250);
  });
});
