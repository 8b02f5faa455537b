import { Cidr, contains, lastAddress, overlaps, parseCidr } from '../../net/cidr';
import { ConfigError } from '../config-error';
import { SourceFile } from '../source-file';
import { CheckContext, ConfigCheck } from './check-context';

export const MIN_TENANT_PREFIX = 16;
export const MAX_TENANT_PREFIX = 24;

/**
 * When two claims overlap, the error goes on the one that is easiest to move: environment
 * CIDRs are ours to allocate, on-premises ranges are a trust's existing network, and hub
 * ranges are fixed once the estate is built.
 */
type ClaimKind = 'hub' | 'onprem' | 'env';
const MOVABILITY: Record<ClaimKind, number> = { hub: 0, onprem: 1, env: 2 };

interface Claim {
  readonly cidr: Cidr;
  readonly text: string;
  readonly owner: string;
  readonly source: SourceFile;
  readonly path: (string | number)[];
  /** Ranges of one owner group may overlap each other (e.g. one tenant's own on-premises list). */
  readonly group: string;
  readonly kind: ClaimKind;
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
    if (claim.kind === 'hub' && overlaps(supernet, claim.cidr)) {
      errors.push(
        claim.source.errorAt(
          claim.path,
          `expected a hub range outside tenantSupernet ${context.estate.network.tenantSupernet}, got ${claim.text}`,
          'hub ranges and the tenant pool must not overlap',
        ),
      );
    }
    if (claim.kind !== 'env') continue;
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
  return errors.concat(findOverlaps(claims));
};

/** `config/tenants/RGR.yaml:17:40`: where a claim is written, so an overlap names both places. */
function placeOf(source: SourceFile, path: (string | number)[]): string {
  const { line, column } = source.positionOf(path);
  return `${source.displayPath}:${line}:${column}`;
}

function collectClaims({ estate, estateSource, tenants }: CheckContext): Claim[] {
  const claims: Claim[] = [];
  for (const [name, text] of Object.entries(estate.network.hub)) {
    claims.push({
      cidr: parseCidr(text),
      text,
      owner: `hub range ${name} in ${placeOf(estateSource, ['network', 'hub', name])}`,
      source: estateSource,
      path: ['network', 'hub', name],
      group: `hub:${name}`,
      kind: 'hub',
    });
  }
  for (const { tenant, source } of tenants) {
    for (const [envName, env] of Object.entries(tenant.environments)) {
      claims.push({
        cidr: parseCidr(env.cidr),
        text: env.cidr,
        owner: `${tenant.odsCode} ${envName} in ${placeOf(source, ['environments', envName, 'cidr'])}`,
        source,
        path: ['environments', envName, 'cidr'],
        group: `env:${tenant.odsCode}:${envName}`,
        kind: 'env',
      });
    }
    tenant.network.onPremises?.cidrs.forEach((text, i) => {
      claims.push({
        cidr: parseCidr(text),
        text,
        owner: `${tenant.odsCode} on-premises in ${placeOf(source, ['network', 'onPremises', 'cidrs', i])}`,
        source,
        path: ['network', 'onPremises', 'cidrs', i],
        group: `onprem:${tenant.odsCode}`,
        kind: 'onprem',
      });
    });
  }
  return claims;
}

/**
 * Reports each claim that overlaps an earlier one, naming the first it collides with (one
 * error per claim, so a pasted block repeated 1,000 times gives 1,000 errors, not 500,000).
 * Claims are swept in address order keeping the ones still open at the current address,
 * which for an estate of mostly disjoint blocks is a handful, so this stays O(n log n).
 */
function findOverlaps(claims: Claim[]): ConfigError[] {
  const errors: ConfigError[] = [];
  const sorted = [...claims].sort((a, b) => a.cidr.base - b.cidr.base || a.cidr.prefix - b.cidr.prefix);
  let open: Claim[] = [];
  for (const claim of sorted) {
    open = open.filter((other) => lastAddress(other.cidr) >= claim.cidr.base);
    const clash = open.find((other) => other.group !== claim.group);
    if (clash) errors.push(overlapError(claim, clash));
    else if (open.some((other) => other.text === claim.text)) {
      errors.push(
        claim.source.errorAt(
          claim.path,
          `expected each range once, got ${claim.text} twice`,
          'remove the repeated entry; each range needs to be listed once',
        ),
      );
    }
    if (open.length < 64) open.push(claim);
  }
  return errors;
}

function overlapError(later: Claim, earlier: Claim): ConfigError {
  const [at, other] =
    MOVABILITY[later.kind] >= MOVABILITY[earlier.kind] ? [later, earlier] : [earlier, later];
  return at.source.errorAt(
    at.path,
    `expected an address range of its own, got ${at.text}, which overlaps ${other.text} (${other.owner})`,
    OVERLAP_HINTS[at.kind],
  );
}

const OVERLAP_HINTS: Record<ClaimKind, string> = {
  env: 'every environment needs address space no other network uses; `nhs-cloud onboard` allocates a free block',
  onprem:
    'the hub cannot route one range to two places; check with the network teams which organisation owns it',
  hub: 'choose hub ranges that no other network uses',
};
