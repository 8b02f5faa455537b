import { allocateCidr, allocateCidrs } from '../../lib/net/cidr-allocator';

describe('allocateCidr: the lowest free, aligned block', () => {
  test.each([
    { case: 'empty pool', pool: '10.64.0.0/16', used: [], prefix: 21, expected: '10.64.0.0/21' },
    {
      case: 'after one used block',
      pool: '10.64.0.0/16',
      used: ['10.64.0.0/21'],
      prefix: 21,
      expected: '10.64.8.0/21',
    },
    {
      case: 'into the first gap that fits',
      pool: '10.64.0.0/16',
      used: ['10.64.0.0/21', '10.64.16.0/21'],
      prefix: 21,
      expected: '10.64.8.0/21',
    },
    {
      case: 'skipping a gap too small',
      pool: '10.64.0.0/16',
      used: ['10.64.0.0/22', '10.64.8.0/21'],
      prefix: 21,
      expected: '10.64.16.0/21',
    },
    {
      case: 'a small block fills the small gap',
      pool: '10.64.0.0/16',
      used: ['10.64.0.0/22', '10.64.8.0/21'],
      prefix: 22,
      expected: '10.64.4.0/22',
    },
    {
      case: 'aligned to its own size after an odd-sized block',
      pool: '10.64.0.0/16',
      used: ['10.64.0.0/24'],
      prefix: 21,
      expected: '10.64.8.0/21',
    },
    {
      case: 'used blocks in any order',
      pool: '10.64.0.0/16',
      used: ['10.64.16.0/21', '10.64.0.0/21', '10.64.8.0/21'],
      prefix: 21,
      expected: '10.64.24.0/21',
    },
    {
      case: 'a small block nested inside a larger used one',
      pool: '10.64.0.0/16',
      used: ['10.64.0.0/20', '10.64.4.0/24'],
      prefix: 21,
      expected: '10.64.16.0/21',
    },
    {
      case: 'used blocks outside the pool are ignored',
      pool: '10.64.0.0/16',
      used: ['10.0.0.0/22', '172.16.0.0/12'],
      prefix: 21,
      expected: '10.64.0.0/21',
    },
    {
      case: 'a used block wider than the pool overlaps all of it',
      pool: '10.64.0.0/16',
      used: ['10.0.0.0/8'],
      prefix: 21,
      expected: undefined,
    },
    {
      case: 'the last block of the pool',
      pool: '10.64.0.0/20',
      used: ['10.64.0.0/21'],
      prefix: 21,
      expected: '10.64.8.0/21',
    },
    {
      case: 'pool exhausted',
      pool: '10.64.0.0/20',
      used: ['10.64.0.0/21', '10.64.8.0/21'],
      prefix: 21,
      expected: undefined,
    },
    { case: 'a block wider than the pool', pool: '10.64.0.0/20', used: [], prefix: 19, expected: undefined },
    { case: 'the whole pool', pool: '10.64.0.0/20', used: [], prefix: 20, expected: '10.64.0.0/20' },
    { case: 'prefix beyond /32', pool: '10.64.0.0/20', used: [], prefix: 33, expected: undefined },
    {
      case: 'at the top of the address space',
      pool: '255.255.255.0/24',
      used: ['255.255.255.0/25'],
      prefix: 25,
      expected: '255.255.255.128/25',
    },
  ])('$case', ({ pool, used, prefix, expected }) => {
    expect(allocateCidr(pool, used, prefix)).toBe(expected);
  });
});

describe('allocateCidrs: several blocks, each seeing the ones before it', () => {
  test.each([
    {
      case: 'two /21s after the hub and a tenant',
      used: ['10.64.0.0/21'],
      prefixes: [21, 21],
      expected: ['10.64.8.0/21', '10.64.16.0/21'],
    },
    {
      case: 'mixed sizes, smaller blocks back-filling',
      used: [],
      prefixes: [22, 21, 22],
      expected: ['10.64.0.0/22', '10.64.8.0/21', '10.64.4.0/22'],
    },
    { case: 'nothing asked, nothing allocated', used: [], prefixes: [], expected: [] },
    {
      case: 'all or nothing: the pool runs out part way',
      used: ['10.64.0.0/17'],
      prefixes: [18, 18, 18],
      expected: undefined,
    },
  ])('$case', ({ used, prefixes, expected }) => {
    expect(allocateCidrs('10.64.0.0/16', used, prefixes)).toEqual(expected);
  });

  test('does not change the used list it was given', () => {
    const used = ['10.64.0.0/21'];
    allocateCidrs('10.64.0.0/16', used, [21, 21]);
    expect(used).toEqual(['10.64.0.0/21']);
  });
});
