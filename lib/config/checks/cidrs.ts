import { Cidr, contains, lastAddress, parseCidr } from '../../planners/cidr';
import { ConfigError } from '../config-error';
import { SourceFile } from '../source-file';
import { CheckContext, ConfigCheck } from './check-context';

export const MIN_TENANT_PREFIX = 16;
export const MAX_TENANT_PREFIX = 24;

interface Claim {
  readonly cidr: Cidr;
  readonly text: string;
  readonly owner: string;
  readonly source: SourceFile;
  readonly path: (string | number)[];
  /** Ranges of one owner group may overlap each other (e.g. one tenant's own on-premises list). */
  readonly group: string;
}

/**
 * Tenant CIDRs sit inside tenantSupernet at /16-/24, and no two address claims overlap:
 * tenant environments, hub ranges and on-premises ranges. A sort-and-sweep keeps this
 * O(n log n), so 1,000 tenants validate in milliseconds.
 */
export const checkCidrs: ConfigCheck = (context) => {
  const errors: ConfigError[] = [];
  const supernet = parseCidr(context.estate.network.tenantSupernet);
  const claims = collectClaims(context);
  for (const claim of claims) {
    if (claim.group.startsWith('hub:') && contains(supernet, claim.cidr)) {
      errors.push(
        claim.source.errorAt(
          claim.path,
          `expected a hub range outside tenantSupernet ${context.estate.network.tenantSupernet}, got ${claim.text}`,
          'hub ranges and the tenant pool must not overlap',
        ),
      );
    }
    if (!claim.group.startsWith('env:')) continue;
    if (!contains(supernet, claim.cidr)) {
      errors.push(
        claim.source.errorAt(
          claim.path,
          `expected a CIDR inside tenantSupernet ${context.estate.network.tenantSupernet}, got ${claim.text}`,
          'run `nhs-cloud onboard` to allocate a free block, or pick one inside the supernet',
        ),
      );
    }
    if (claim.cidr.prefix < MIN_TENANT_PREFIX || claim.cidr.prefix > MAX_TENANT_PREFIX) {
      errors.push(
        claim.source.errorAt(
          claim.path,
          `expected a prefix between /${MIN_TENANT_PREFIX} and /${MAX_TENANT_PREFIX}, got /${claim.cidr.prefix}`,
          'a /21 (2,048 addresses) suits most environments',
        ),
      );
    }
  }
  errors.push(...findOverlaps(claims));
  return errors;
};

function collectClaims({ estate, estateSource, tenants }: CheckContext): Claim[] {
  const claims: Claim[] = [];
  for (const [name, text] of Object.entries(estate.network.hub)) {
    claims.push({
      cidr: parseCidr(text),
      text,
      owner: `hub range ${name} (${estateSource.displayPath})`,
      source: estateSource,
      path: ['network', 'hub', name],
      group: `hub:${name}`,
    });
  }
  for (const { tenant, source } of tenants) {
    for (const [envName, env] of Object.entries(tenant.environments)) {
      claims.push({
        cidr: parseCidr(env.cidr),
        text: env.cidr,
        owner: `${tenant.odsCode} ${envName} (${tenant.file})`,
        source,
        path: ['environments', envName, 'cidr'],
        group: `env:${tenant.odsCode}:${envName}`,
      });
    }
    tenant.network.onPremises?.cidrs.forEach((text, i) => {
      claims.push({
        cidr: parseCidr(text),
        text,
        owner: `${tenant.odsCode} on-premises (${tenant.file})`,
        source,
        path: ['network', 'onPremises', 'cidrs', i],
        group: `onprem:${tenant.odsCode}`,
      });
    });
  }
  return claims;
}

function findOverlaps(claims: Claim[]): ConfigError[] {
  const errors: ConfigError[] = [];
  const sorted = [...claims].sort((a, b) => a.cidr.base - b.cidr.base || a.cidr.prefix - b.cidr.prefix);
  let widest: Claim | undefined;
  for (const claim of sorted) {
    if (widest && claim.cidr.base <= lastAddress(widest.cidr) && claim.group !== widest.group) {
      errors.push(
        claim.source.errorAt(
          claim.path,
          `${claim.text} overlaps ${widest.text}, used by ${widest.owner}`,
          'every environment, hub range and on-premises range needs its own address space; `nhs-cloud onboard` allocates free blocks',
        ),
      );
    }
    if (!widest || lastAddress(claim.cidr) > lastAddress(widest.cidr)) widest = claim;
  }
  return errors;
}
