import { sizeLanes, survivingAzs } from '../../../lib/planners/capacity/lanes';

const ZONES = ['eu-west-2a', 'eu-west-2b', 'eu-west-2c'];

describe('sizeLanes', () => {
  test.each`
    need       | unit       | zones                       | perAz | total | capacity
    ${200}     | ${100_000} | ${ZONES}                    | ${1}  | ${3}  | ${200_000}
    ${192_700} | ${100_000} | ${ZONES}                    | ${1}  | ${3}  | ${200_000}
    ${200_000} | ${100_000} | ${ZONES}                    | ${1}  | ${3}  | ${200_000}
    ${200_001} | ${100_000} | ${ZONES}                    | ${2}  | ${6}  | ${400_000}
    ${450_000} | ${100_000} | ${ZONES}                    | ${3}  | ${9}  | ${600_000}
    ${250_000} | ${100_000} | ${[...ZONES, 'eu-west-2d']} | ${1}  | ${4}  | ${300_000}
    ${30_000}  | ${10_000}  | ${ZONES}                    | ${2}  | ${6}  | ${40_000}
    ${30_000}  | ${500_000} | ${ZONES}                    | ${1}  | ${3}  | ${200_000}
  `('$need Mbps over $unit Mbps units in $zones.length AZs -> $perAz per AZ', (row) => {
    expect(sizeLanes(row.need, row.unit, row.zones)).toEqual({
      sizing: { kind: 'lanes', perAz: row.perAz, availabilityZones: row.zones, total: row.total },
      capacityMbps: row.capacity,
    });
  });

  test('only the AZs left after losing one count', () => {
    expect(survivingAzs(ZONES)).toBe(2);
  });
});
