import {
  blockSize,
  cidrProblem,
  contains,
  containsAddress,
  formatAddress,
  formatCidr,
  isCidr,
  lastAddress,
  overlaps,
  parseCidr,
  splitCidr,
} from '../../lib/net/cidr';

const c = parseCidr;
const text = (cidrs: { base: number; prefix: number }[]) => cidrs.map(formatCidr);

describe('parseCidr / formatCidr', () => {
  test.each([
    ['10.64.8.0/21', 171_968_512, 21],
    ['0.0.0.0/0', 0, 0],
    ['255.255.255.255/32', 4_294_967_295, 32],
    ['192.168.0.0/16', 3_232_235_520, 16],
    ['128.0.0.0/1', 2_147_483_648, 1],
  ])('%s -> base %d, prefix %d, and back', (cidr, base, prefix) => {
    expect(parseCidr(cidr)).toEqual({ base, prefix });
    expect(formatCidr(parseCidr(cidr))).toBe(cidr);
  });

  test('parseCidr throws with the reason for a bad block', () => {
    expect(() => parseCidr('10.64.9.0/21')).toThrow(
      '10.64.9.0/21: expected a network address with no host bits set, got 10.64.9.0/21 (did you mean 10.64.8.0/21?)',
    );
  });

  test.each([
    [0, '0.0.0.0'],
    [171_968_512, '10.64.8.0'],
    [4_294_967_295, '255.255.255.255'],
  ])('formatAddress(%d) = %s', (address, expected) => {
    expect(formatAddress(address)).toBe(expected);
  });
});

describe('cidrProblem', () => {
  test.each([
    ['10.64.0.0/21', undefined],
    ['0.0.0.0/0', undefined],
    ['10.64.0.1/32', undefined],
    ['10.64.0.0', 'expected an IPv4 CIDR such as 10.64.0.0/21'],
    ['10.64.0/21', 'expected an IPv4 CIDR such as 10.64.0.0/21'],
    [' 10.64.0.0/21', 'expected an IPv4 CIDR such as 10.64.0.0/21'],
    ['10.64.0.0/21 ', 'expected an IPv4 CIDR such as 10.64.0.0/21'],
    ['fd00::/8', 'expected an IPv4 CIDR such as 10.64.0.0/21'],
    ['10.256.0.0/16', 'expected each address octet to be 0-255'],
    ['10.64.0.0/33', 'expected a prefix length of 0-32'],
    ['010.64.0.0/16', 'expected numbers without leading zeros, got 010.64.0.0/16'],
    ['10.64.0.0/08', 'expected numbers without leading zeros, got 10.64.0.0/08'],
    [
      '10.64.1.0/21',
      'expected a network address with no host bits set, got 10.64.1.0/21 (did you mean 10.64.0.0/21?)',
    ],
    [
      '10.64.0.1/31',
      'expected a network address with no host bits set, got 10.64.0.1/31 (did you mean 10.64.0.0/31?)',
    ],
    [
      '10.0.0.0/0',
      'expected a network address with no host bits set, got 10.0.0.0/0 (did you mean 0.0.0.0/0?)',
    ],
  ])('%p -> %p', (input, problem) => {
    expect(cidrProblem(input)).toBe(problem);
    expect(isCidr(input)).toBe(problem === undefined);
  });
});

describe('size and bounds', () => {
  test.each([
    ['10.64.0.0/21', 2048, '10.64.7.255'],
    ['10.64.0.0/10', 4_194_304, '10.127.255.255'],
    ['10.64.0.5/32', 1, '10.64.0.5'],
    ['0.0.0.0/0', 4_294_967_296, '255.255.255.255'],
  ])('%s holds %d addresses, up to %s', (cidr, size, last) => {
    expect(blockSize(c(cidr))).toBe(size);
    expect(formatAddress(lastAddress(c(cidr)))).toBe(last);
  });

  test.each([
    ['10.64.0.0/21', '10.64.0.0', true],
    ['10.64.0.0/21', '10.64.7.255', true],
    ['10.64.0.0/21', '10.64.8.0', false],
    ['10.64.0.0/21', '10.63.255.255', false],
  ])('%s contains address %s: %p', (cidr, address, expected) => {
    expect(containsAddress(c(cidr), c(`${address}/32`).base)).toBe(expected);
  });
});

describe('contains and overlaps', () => {
  test.each([
    // outer, inner, contains, overlaps
    ['10.64.0.0/10', '10.64.8.0/21', true, true],
    ['10.64.0.0/10', '10.127.255.0/24', true, true],
    ['10.64.0.0/10', '10.128.0.0/21', false, false],
    ['10.64.0.0/10', '10.0.0.0/8', false, true],
    ['10.64.0.0/21', '10.64.0.0/21', true, true],
    ['10.64.0.0/21', '10.64.8.0/21', false, false],
    ['10.64.0.0/21', '10.64.7.0/24', true, true],
    ['0.0.0.0/0', '255.255.255.255/32', true, true],
    ['192.168.0.0/16', '10.0.0.0/8', false, false],
  ])('%s vs %s: contains %p, overlaps %p', (outer, inner, contained, overlapping) => {
    expect(contains(c(outer), c(inner))).toBe(contained);
    expect(overlaps(c(outer), c(inner))).toBe(overlapping);
    expect(overlaps(c(inner), c(outer))).toBe(overlapping);
  });
});

describe('splitCidr', () => {
  test.each([
    ['10.64.0.0/21', 24, 3, ['10.64.0.0/24', '10.64.1.0/24', '10.64.2.0/24']],
    ['10.64.0.0/21', 23, 4, ['10.64.0.0/23', '10.64.2.0/23', '10.64.4.0/23', '10.64.6.0/23']],
    ['10.64.0.0/21', 21, 1, ['10.64.0.0/21']],
    ['10.64.6.0/23', 28, 2, ['10.64.6.0/28', '10.64.6.16/28']],
    ['10.64.0.0/21', 24, 0, []],
  ])('%s into /%d x %d', (cidr, prefix, count, expected) => {
    expect(text(splitCidr(c(cidr), prefix, count))).toEqual(expected);
  });

  test.each([
    ['10.64.0.0/21', 24, 9, '10.64.0.0/21 cannot hold 9 blocks of /24'],
    ['10.64.0.0/21', 20, 1, '10.64.0.0/21 cannot hold 1 blocks of /20'],
    ['10.64.0.0/21', 33, 1, '10.64.0.0/21 cannot hold 1 blocks of /33'],
    ['10.64.0.0/21', 24, -1, '10.64.0.0/21 cannot hold -1 blocks of /24'],
    ['10.64.0.0/21', 24, 1.5, '10.64.0.0/21 cannot hold 1.5 blocks of /24'],
  ])('%s into /%d x %d throws', (cidr, prefix, count, message) => {
    expect(() => splitCidr(c(cidr), prefix, count)).toThrow(message);
  });
});
