import { lastAddress, parseCidr } from '../../net/cidr';

/**
 * A set of integers (IPv4 addresses or ports) held as sorted, disjoint, non-adjacent
 * inclusive ranges, so set algebra is a merge of two sorted lists and never enumerates
 * addresses:
 *
 *   fromCidrs(['10.0.0.0/24', '10.0.1.0/24']) -> [[167772160, 167772671]]
 */
export type Range = readonly [number, number];
export type IntervalSet = readonly Range[];

export const EMPTY: IntervalSet = [];
export const MAX_ADDRESS = 2 ** 32 - 1;
export const ALL_ADDRESSES: IntervalSet = [[0, MAX_ADDRESS]];
export const ALL_PORTS: IntervalSet = [[0, 65535]];

export function isEmpty(set: IntervalSet): boolean {
  return set.length === 0;
}

export function size(set: IntervalSet): number {
  return set.reduce((n, [lo, hi]) => n + hi - lo + 1, 0);
}

export function range(lo: number, hi: number): IntervalSet {
  return lo > hi ? EMPTY : [[lo, hi]];
}

export function cidrRange(cidr: string): Range {
  const parsed = parseCidr(cidr);
  return [parsed.base, lastAddress(parsed)];
}

export function fromCidr(cidr: string): IntervalSet {
  return [cidrRange(cidr)];
}

export function fromCidrs(cidrs: Iterable<string>): IntervalSet {
  return normalise([...cidrs].map(cidrRange));
}

/** Sorts and merges overlapping or adjacent ranges. */
export function normalise(ranges: Iterable<Range>): IntervalSet {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

export function union(a: IntervalSet, b: IntervalSet): IntervalSet {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return normalise([...a, ...b]);
}

export function intersect(a: IntervalSet, b: IntervalSet): IntervalSet {
  if (a.length === 0 || b.length === 0) return EMPTY;
  // A few ranges against many (a source against a rule's CIDR list): binary search the many.
  if (a.length <= 2 && b.length > 16) return intersectFew(a, b);
  if (b.length <= 2 && a.length > 16) return intersectFew(b, a);
  const out: Range[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i][0], b[j][0]);
    const hi = Math.min(a[i][1], b[j][1]);
    if (lo <= hi) out.push([lo, hi]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}

function intersectFew(few: IntervalSet, many: IntervalSet): IntervalSet {
  const out: Range[] = [];
  for (const [lo, hi] of few) {
    let left = 0;
    let right = many.length;
    while (left < right) {
      const mid = (left + right) >> 1;
      if (many[mid][1] < lo) left = mid + 1;
      else right = mid;
    }
    for (let i = left; i < many.length && many[i][0] <= hi; i++) {
      out.push([Math.max(lo, many[i][0]), Math.min(hi, many[i][1])]);
    }
  }
  return out;
}

export function subtract(a: IntervalSet, b: IntervalSet): IntervalSet {
  if (a.length === 0 || b.length === 0) return a;
  const out: Range[] = [];
  let j = 0;
  for (const [lo0, hi] of a) {
    let lo = lo0;
    while (j < b.length && b[j][1] < lo) j++;
    let k = j;
    while (k < b.length && b[k][0] <= hi) {
      if (b[k][0] > lo) out.push([lo, b[k][0] - 1]);
      lo = Math.max(lo, b[k][1] + 1);
      if (b[k][1] >= hi) break;
      k++;
    }
    if (lo <= hi) out.push([lo, hi]);
  }
  return out;
}

export function overlaps(a: IntervalSet, b: IntervalSet): boolean {
  return intersect(a, b).length > 0;
}

/** Whether every member of `inner` is in `outer`. */
export function covers(outer: IntervalSet, inner: IntervalSet): boolean {
  return subtract(inner, outer).length === 0;
}

export function equals(a: IntervalSet, b: IntervalSet): boolean {
  return a.length === b.length && a.every(([lo, hi], i) => lo === b[i][0] && hi === b[i][1]);
}
