import { allocateCidr } from '../../lib/net/cidr-allocator';
import { UsedRanges } from '../../lib/generator/used-ranges';

describe('UsedRanges', () => {
  test('answers exactly as the allocator does with the full list, while keeping the list short', () => {
    const pool = '10.64.0.0/16';
    const ranges = new UsedRanges(['10.64.4.0/22']);
    const full = ['10.64.4.0/22'];
    const prefixes = [21, 22, 24, 21, 23, 22, 20, 24, 24, 22];
    for (const prefix of prefixes) {
      const expected = allocateCidr(pool, full, prefix);
      expect(ranges.allocate([pool], prefix)).toBe(expected);
      full.push(expected!);
    }
    expect(ranges.size).toBeLessThan(full.length);
  });

  test('merges sibling blocks into their parent', () => {
    const ranges = new UsedRanges(['10.64.0.0/21', '10.64.8.0/21']);
    expect(ranges.size).toBe(1);
    expect(ranges.allocate(['10.64.0.0/16'], 20)).toBe('10.64.16.0/20');
  });

  test('tries pools in order and reports a full pool as undefined', () => {
    const ranges = new UsedRanges(['192.168.0.0/24']);
    expect(ranges.allocate(['192.168.0.0/24', '172.16.0.0/24'], 24)).toBe('172.16.0.0/24');
    expect(ranges.allocate(['192.168.0.0/24', '172.16.0.0/24'], 24)).toBeUndefined();
  });
});
