import { parseCidr } from '../net/cidr';
import { UsedRanges } from './used-ranges';

/** Prod gets a /21 (2,048 addresses), nonprod a /22: a /10 pool then holds about 1,365 tenants. */
export const ENVIRONMENT_PREFIXES = { prod: 21, nonprod: 22 } as const;
export type GeneratedEnvironmentName = keyof typeof ENVIRONMENT_PREFIXES;

/** The most tenants whose environments fit in `supernet` at these prefixes. */
export function tenantCapacity(supernet: string): number {
  const perTenant = Object.values(ENVIRONMENT_PREFIXES).reduce((n, prefix) => n + 2 ** (32 - prefix), 0);
  return Math.floor(2 ** (32 - parseCidr(supernet).prefix) / perTenant);
}

/**
 * Allocates each tenant's environment CIDRs in turn from the tenant pool, with the allocator
 * `onboard` uses, so a generated estate is laid out as onboarding one by one would lay it out.
 */
export class EnvironmentCidrAllocator {
  private readonly used = new UsedRanges();

  constructor(private readonly supernet: string) {}

  allocate(odsCode: string): Record<GeneratedEnvironmentName, string> {
    const out = {} as Record<GeneratedEnvironmentName, string>;
    for (const [name, prefix] of Object.entries(ENVIRONMENT_PREFIXES)) {
      const cidr = this.used.allocate([this.supernet], prefix);
      if (!cidr) {
        throw new Error(
          `tenantSupernet ${this.supernet} is full at ${odsCode} ${name}: it holds about ${tenantCapacity(this.supernet)} tenants at /${ENVIRONMENT_PREFIXES.prod} + /${ENVIRONMENT_PREFIXES.nonprod}`,
        );
      }
      out[name as GeneratedEnvironmentName] = cidr;
    }
    return out;
  }
}
