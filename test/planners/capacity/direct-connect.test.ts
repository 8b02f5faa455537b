import { sizeDirectConnect } from '../../../lib/planners/capacity/direct-connect';

const TWO = ['Slough', 'Docklands'];
const THREE = [...TWO, 'Manchester'];
const FOUR = [...THREE, 'Leeds'];

describe('sizeDirectConnect', () => {
  test.each`
    need         | locations | speed      | lag  | totalPorts | needed | capacity
    ${500}       | ${TWO}    | ${1000}    | ${2} | ${4}       | ${2}   | ${2000}
    ${3500}      | ${TWO}    | ${1000}    | ${4} | ${8}       | ${2}   | ${4000}
    ${15_000}    | ${TWO}    | ${10_000}  | ${2} | ${4}       | ${2}   | ${20_000}
    ${35_000}    | ${TWO}    | ${10_000}  | ${4} | ${8}       | ${2}   | ${40_000}
    ${50_000}    | ${TWO}    | ${100_000} | ${2} | ${4}       | ${2}   | ${200_000}
    ${135_000}   | ${TWO}    | ${100_000} | ${2} | ${4}       | ${2}   | ${200_000}
    ${135_000}   | ${THREE}  | ${100_000} | ${2} | ${6}       | ${2}   | ${400_000}
    ${70_000}    | ${THREE}  | ${10_000}  | ${4} | ${12}      | ${2}   | ${80_000}
    ${250_000}   | ${TWO}    | ${400_000} | ${2} | ${4}       | ${2}   | ${800_000}
    ${1_000_000} | ${FOUR}   | ${400_000} | ${2} | ${8}       | ${3}   | ${2_400_000}
  `('$need Mbps at $locations.length locations -> $lag x $speed Mbps per location', (row) => {
    const plan = sizeDirectConnect(row.need, row.locations);
    expect(plan).toEqual({
      sizing: {
        kind: 'directConnect',
        portSpeedMbps: row.speed,
        lagPorts: row.lag,
        lagsPerLocation: 1,
        gateways: [],
        locations: row.locations,
        locationsNeeded: row.needed,
        totalPorts: row.totalPorts,
        transitVifs: row.locations.length,
      },
      capacityMbps: row.capacity,
      problem: undefined,
    });
  });

  test('a need past two locations of the largest LAG asks for a third location', () => {
    const plan = sizeDirectConnect(1_000_000, TWO);
    expect(plan.capacityMbps).toBe(800_000);
    expect(plan.sizing).toMatchObject({ portSpeedMbps: 400_000, lagPorts: 2, locationsNeeded: 3 });
    expect(plan.problem).toBe(
      "needs 3 Direct Connect locations (a location's LAG carries at most 2 x 400 Gbps and one location " +
        'may be lost); estate.yaml lists 2: add locations to network.directConnect.locations',
    );
  });

  test('every four gateways add a LAG at each location, which shares the load (a connection carries four transit VIFs)', () => {
    const gateways = Array.from({ length: 5 }, (_, i) => ({
      gateway: i + 1,
      lanes: [i + 1],
      tenants: [],
      dns: false,
    }));
    const plan = sizeDirectConnect(875_000, THREE, gateways);
    expect(plan.sizing).toMatchObject({
      lagsPerLocation: 2,
      portSpeedMbps: 400_000,
      lagPorts: 2,
      totalPorts: 12,
    });
    expect(plan.capacityMbps).toBe(2 * 2 * 2 * 400_000);
    expect(plan.problem).toBeUndefined();
  });

  test('Direct Connect with no configured locations counts nothing and says what to set', () => {
    const plan = sizeDirectConnect(50_000, []);
    expect(plan.capacityMbps).toBe(0);
    expect(plan.problem).toBe(
      'tenants use Direct Connect but estate.yaml lists 0 Direct Connect locations; ' +
        'set network.directConnect.locations to at least 2 for resilience',
    );
  });

  test('more locations than the Direct Connect gateway has VIFs for is a problem', () => {
    const many = Array.from({ length: 31 }, (_, i) => `Location ${i}`);
    expect(sizeDirectConnect(1000, many).problem).toBe(
      "31 locations need 31 transit VIFs, over the Direct Connect gateway's 30",
    );
  });
});
