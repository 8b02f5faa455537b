import { allocateCidr } from '../net/cidr-allocator';
import { blockSize, Cidr, formatCidr, parseCidr } from '../net/cidr';

/**
 * The register of taken ranges while an estate is generated, handed to the onboarding
 * allocator for every new block. Sibling blocks that together fill an aligned parent are
 * merged into it (10.64.0.0/21 + 10.64.8.0/21 -> 10.64.0.0/20): the same addresses, so the
 * allocator answers exactly as it would with the full list, but the list stays a few dozen
 * entries long instead of thousands, which keeps 1,000 tenants from costing O(n^2) parses.
 */
export class UsedRanges {
  private blocks: Cidr[];

  constructor(initial: readonly string[] = []) {
    this.blocks = mergeSiblings(initial.map(parseCidr));
  }

  /** The lowest free block of `prefix` in the first pool that has one, now marked used. */
  allocate(pools: readonly string[], prefix: number): string | undefined {
    const used = this.blocks.map(formatCidr);
    for (const pool of pools) {
      const cidr = allocateCidr(pool, used, prefix);
      if (cidr) {
        this.blocks = mergeSiblings([...this.blocks, parseCidr(cidr)]);
        return cidr;
      }
    }
    return undefined;
  }

  get size(): number {
    return this.blocks.length;
  }
}

function mergeSiblings(blocks: Cidr[]): Cidr[] {
  let out = [...blocks].sort((a, b) => a.base - b.base || a.prefix - b.prefix);
  for (let merged = true; merged;) {
    merged = false;
    const next: Cidr[] = [];
    for (let i = 0; i < out.length; i++) {
      const a = out[i];
      const b = out[i + 1];
      const size = blockSize(a);
      if (
        b &&
        a.prefix > 0 &&
        b.prefix === a.prefix &&
        a.base % (2 * size) === 0 &&
        b.base === a.base + size
      ) {
        next.push({ base: a.base, prefix: a.prefix - 1 });
        i++;
        merged = true;
      } else next.push(a);
    }
    out = next;
  }
  return out;
}
