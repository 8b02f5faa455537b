import { contains, formatCidr, parseCidr } from '../../net/cidr';

/** RFC 1918: what the firewall treats as home and the hub never sends to the internet. */
export const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] as const;

/** Sorted by address then prefix and de-duplicated, so rules and diffs are stable. */
export function sortCidrs(cidrs: Iterable<string>): string[] {
  return [...new Set(cidrs)]
    .map(parseCidr)
    .sort((a, b) => a.base - b.base || a.prefix - b.prefix)
    .map(formatCidr);
}

/** RFC 1918 plus any range the estate uses outside it (e.g. an on-premises 100.64/10). */
export function homeNetOf(ranges: readonly string[]): string[] {
  const privates = PRIVATE_RANGES.map(parseCidr);
  const outside = ranges.filter((r) => !privates.some((p) => contains(p, parseCidr(r))));
  return sortCidrs([...PRIVATE_RANGES, ...outside]);
}

/** Splits a list into runs of at most `size`, keeping order. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
