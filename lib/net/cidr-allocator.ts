import { Cidr, contains, formatCidr, lastAddress, overlaps, parseCidr } from './cidr';

/**
 * Picks the lowest free, aligned block of `prefix` inside `pool` that overlaps none of `used`.
 * Deterministic: the same register always yields the same answer, so `onboard` and
 * `generate-estate` agree with each other and with a reviewer re-running them.
 *
 *   pool 10.64.0.0/16, used [10.64.0.0/21], prefix 21  ->  10.64.8.0/21
 */
export function allocateCidr(pool: string, used: readonly string[], prefix: number): string | undefined {
  const poolCidr = parseCidr(pool);
  if (prefix < poolCidr.prefix || prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  const taken = used
    .map(parseCidr)
    .filter((c) => overlaps(c, poolCidr))
    .sort((a, b) => a.base - b.base);
  let candidate = poolCidr.base;
  for (const block of taken) {
    if (candidate + size - 1 < block.base) break;
    if (lastAddress(block) >= candidate) candidate = alignUp(lastAddress(block) + 1, size);
  }
  const result: Cidr = { base: candidate, prefix };
  return contains(poolCidr, result) ? formatCidr(result) : undefined;
}

/**
 * Allocates several blocks in turn, each one seeing the ones before it as used.
 */
export function allocateCidrs(
  pool: string,
  used: readonly string[],
  prefixes: readonly number[],
): string[] | undefined {
  const taken = [...used];
  const out: string[] = [];
  for (const prefix of prefixes) {
    const next = allocateCidr(pool, taken, prefix);
    if (!next) return undefined;
    out.push(next);
    taken.push(next);
  }
  return out;
}

function alignUp(address: number, size: number): number {
  return Math.ceil(address / size) * size;
}
