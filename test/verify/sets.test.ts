import { describeAddresses, describePorts, rangeToCidrs, toCidrs } from '../../lib/verify/sets/format';
import {
  ALL_PORTS,
  covers,
  fromCidr,
  fromCidrs,
  intersect,
  normalise,
  subtract,
  union,
} from '../../lib/verify/sets/interval-set';
import { PrefixMap } from '../../lib/verify/sets/prefix-map';

describe('interval sets', () => {
  test.each([
    [['10.0.0.0/24', '10.0.1.0/24'], ['10.0.0.0/23']],
    [['10.0.1.0/24', '10.0.0.0/25', '10.0.0.128/25'], ['10.0.0.0/23']],
    [
      ['10.0.0.0/24', '10.0.2.0/24'],
      ['10.0.0.0/24', '10.0.2.0/24'],
    ],
  ])('fromCidrs(%j) merges to %j', (cidrs, expected) => {
    expect(toCidrs(fromCidrs(cidrs))).toEqual(expected);
  });

  test('subtract leaves the complement pieces, as CIDRs', () => {
    expect(toCidrs(subtract(fromCidr('10.0.0.0/22'), fromCidr('10.0.1.0/24')))).toEqual([
      '10.0.0.0/24',
      '10.0.2.0/23',
    ]);
    expect(subtract(fromCidr('10.0.0.0/24'), fromCidr('10.0.0.0/16'))).toEqual([]);
  });

  test('intersect agrees between the merge and the few-against-many paths', () => {
    const many = fromCidrs(Array.from({ length: 32 }, (_, i) => `10.64.${i * 8}.0/22`));
    const few = fromCidrs(['10.64.8.0/21', '10.64.104.0/23', '10.64.110.0/23']);
    const viaMerge = normalise(many.flatMap(([lo, hi]) => intersect([[lo, hi]], few)));
    expect(intersect(few, many)).toEqual(viaMerge);
    expect(toCidrs(intersect(few, many))).toEqual(['10.64.8.0/22', '10.64.104.0/23']);
  });

  test('union and covers', () => {
    const a = union(fromCidr('10.0.0.0/24'), fromCidr('10.0.1.0/24'));
    expect(covers(a, fromCidr('10.0.1.128/25'))).toBe(true);
    expect(covers(a, fromCidr('10.0.0.0/22'))).toBe(false);
  });

  test('rangeToCidrs covers a range with the fewest aligned blocks', () => {
    expect(rangeToCidrs(167772160, 167772927)).toEqual(['10.0.0.0/23', '10.0.2.0/24']);
    expect(describeAddresses([[0, 2 ** 32 - 1]])).toBe('0.0.0.0/0');
    expect(describePorts(ALL_PORTS)).toBe('any');
    expect(
      describePorts([
        [443, 443],
        [1024, 65535],
      ]),
    ).toBe('443,1024-65535');
  });
});

describe('PrefixMap (longest prefix match over a set)', () => {
  const map = new PrefixMap([
    ['0.0.0.0/0', 'tgw'],
    ['10.64.0.0/21', 'local'],
    ['10.64.4.0/24', 'firewall'],
    ['192.168.0.0/16', 'blackhole'],
  ] as const);

  test('partitions a destination set by the most specific route', () => {
    const parts = map.partition(fromCidr('10.64.0.0/20'));
    expect(toCidrs(parts.get('local')!)).toEqual(['10.64.0.0/22', '10.64.5.0/24', '10.64.6.0/23']);
    expect(toCidrs(parts.get('firewall')!)).toEqual(['10.64.4.0/24']);
    expect(toCidrs(parts.get('tgw')!)).toEqual(['10.64.8.0/21']);
  });

  test('leaves unmatched addresses under undefined and looks up single addresses', () => {
    const noDefault = new PrefixMap([['10.0.0.0/8', 'a']] as const);
    expect(toCidrs(noDefault.partition(fromCidr('11.0.0.0/8')).get(undefined)!)).toEqual(['11.0.0.0/8']);
    expect(map.lookup(fromCidr('192.168.3.4/32')[0][0])).toBe('blackhole');
    expect(map.lookup(fromCidr('8.8.8.8/32')[0][0])).toBe('tgw');
  });
});
