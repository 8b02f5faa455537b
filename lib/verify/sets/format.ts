import { formatCidr } from '../../net/cidr';
import { ALL_ADDRESSES, ALL_PORTS, equals, IntervalSet } from './interval-set';

/**
 * The fewest CIDRs that cover exactly one address range: each block is the largest aligned
 * power of two that starts at the cursor and fits.
 *
 *   10.0.0.0 .. 10.0.2.255 -> 10.0.0.0/23, 10.0.2.0/24
 */
export function rangeToCidrs(lo: number, hi: number): string[] {
  const out: string[] = [];
  let cursor = lo;
  while (cursor <= hi) {
    let prefix = 32;
    while (prefix > 0) {
      const size = 2 ** (33 - prefix);
      if (cursor % size !== 0 || cursor + size - 1 > hi) break;
      prefix--;
    }
    out.push(formatCidr({ base: cursor, prefix }));
    cursor += 2 ** (32 - prefix);
  }
  return out;
}

export function toCidrs(set: IntervalSet): string[] {
  return set.flatMap(([lo, hi]) => rangeToCidrs(lo, hi));
}

/** Short text for an address set: at most `limit` CIDRs, then a count of the rest. */
export function describeAddresses(set: IntervalSet, limit = 4): string {
  if (equals(set, ALL_ADDRESSES)) return '0.0.0.0/0';
  const cidrs = toCidrs(set);
  if (cidrs.length <= limit) return cidrs.join(', ');
  return `${cidrs.slice(0, limit).join(', ')} and ${cidrs.length - limit} more`;
}

/** `443`, `443,2575`, `1024-65535`, or `any`. */
export function describePorts(set: IntervalSet): string {
  if (equals(set, ALL_PORTS)) return 'any';
  return set.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`)).join(',');
}
