import {
  attachmentCapacity,
  laneCapacity,
  oneWayPacketBytes,
  packetRateMbps,
  survivingAzs,
} from '../../../lib/planners/capacity/lanes';

const ZONES = ['euw2-az1', 'euw2-az2', 'euw2-az3'];

describe('laneCapacity', () => {
  test.each`
    bytes   | zones                       | perAz      | capacity   | binding
    ${1000} | ${ZONES}                    | ${60_000}  | ${120_000} | ${'attachment packet rate'}
    ${500}  | ${ZONES}                    | ${30_000}  | ${60_000}  | ${'attachment packet rate'}
    ${1500} | ${ZONES}                    | ${90_000}  | ${180_000} | ${'attachment packet rate'}
    ${1667} | ${ZONES}                    | ${100_000} | ${200_000} | ${'attachment bandwidth'}
    ${8500} | ${ZONES}                    | ${100_000} | ${200_000} | ${'attachment bandwidth'}
    ${1000} | ${[...ZONES, 'eu-west-2d']} | ${60_000}  | ${180_000} | ${'attachment packet rate'}
  `('$bytes-byte packets in $zones.length AZs: $capacity Mbps with an AZ lost ($binding)', (row) => {
    expect(laneCapacity(row.zones, row.bytes)).toEqual({
      perAzMbps: row.perAz,
      capacityMbps: row.capacity,
      binding: row.binding,
      averagePacketBytes: row.bytes,
    });
  });

  test('packet rate binds below 1,667 bytes: 7.5 Mpps of 1,000 bytes is 60 Gbps', () => {
    expect(packetRateMbps(7_500_000, 1000)).toBe(60_000);
    expect(packetRateMbps(10_000_000, 1000)).toBe(80_000);
  });

  test('only the AZs left after losing one count', () => {
    expect(survivingAzs(ZONES)).toBe(2);
    expect(laneCapacity(ZONES.slice(0, 1), 1000).capacityMbps).toBe(0);
  });
});

describe('one-way attachments (spokes, Direct Connect gateways)', () => {
  test('carry the busier direction at 3/2 of the two-way average, up to the MTU', () => {
    expect(oneWayPacketBytes(1000)).toBe(1500);
    expect(oneWayPacketBytes(8000)).toBe(8500);
  });

  test('a Direct Connect gateway carries 180 Gbps with an AZ lost at 1,000-byte packets', () => {
    expect(attachmentCapacity(ZONES, 1000)).toBe(180_000);
    expect(attachmentCapacity(ZONES, 2000)).toBe(200_000);
  });
});
