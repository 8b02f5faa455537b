import { ConfigError } from '../config-error';
import { didYouMean } from '../did-you-mean';
import { tierOf, Tier } from '../model';
import { ConfigCheck, ParsedTenant } from './check-context';

type Endpoint = { segment?: string; tenant?: string; environment?: string };

/** Flow rules name real tenants and environments, have unique names, and never join prod to nonprod. */
export const checkSegmentationRules: ConfigCheck = ({
  estate,
  estateSource,
  tenants,
  invalidTenantStems,
}) => {
  const errors: ConfigError[] = [];
  const byCode = new Map(tenants.map((t) => [t.tenant.odsCode, t]));
  const names = new Set<string>();
  estate.segmentation.rules.forEach((rule, i) => {
    const base = ['segmentation', 'rules', i];
    if (names.has(rule.name)) {
      errors.push(
        estateSource.errorAt(
          [...base, 'name'],
          `expected a rule name of its own, got "${rule.name}", which an earlier rule already uses`,
          'rule names label firewall rules and flow logs; give each rule a different name',
        ),
      );
    }
    names.add(rule.name);
    const tiers: Tier[][] = [];
    for (const side of ['from', 'to'] as const) {
      const endpoint: Endpoint = rule[side];
      if (endpoint.tenant && invalidTenantStems.has(endpoint.tenant)) continue; // its own errors say why
      const resolved = tiersOf(endpoint, byCode);
      if ('field' in resolved) {
        const { field, message, hint } = resolved;
        errors.push(estateSource.errorAt([...base, side, field], message, hint));
      } else tiers.push(resolved);
    }
    if (tiers.length === 2 && crossesTiers(tiers[0], tiers[1])) {
      errors.push(
        estateSource.errorAt(
          base,
          `rule "${rule.name}" would connect prod and nonprod`,
          'prod and nonprod never reach each other; name one environment on each side, of the same tier',
        ),
      );
    }
  });
  return errors;
};

interface EndpointProblem {
  readonly field: 'tenant' | 'environment';
  readonly message: string;
  readonly hint: string;
}

/** The tiers an endpoint covers, or why it names nothing. */
function tiersOf(endpoint: Endpoint, byCode: Map<string, ParsedTenant>): Tier[] | EndpointProblem {
  if (endpoint.segment === 'tenants-prod') return ['prod'];
  if (endpoint.segment === 'tenants-nonprod') return ['nonprod'];
  if (endpoint.segment) return [];
  const parsed = byCode.get(endpoint.tenant!);
  if (!parsed) {
    const suggestion = didYouMean(endpoint.tenant!, [...byCode.keys()]);
    return {
      field: 'tenant',
      message: `expected the ODS code of a tenant, got "${endpoint.tenant}", which has no tenant file`,
      hint: suggestion ? `did you mean "${suggestion}"?` : 'onboard the tenant first, or correct the code',
    };
  }
  const envs = parsed.tenant.environments;
  if (endpoint.environment) {
    const env = envs[endpoint.environment];
    if (!env) {
      const names = Object.keys(envs);
      const suggestion = didYouMean(endpoint.environment, names);
      return {
        field: 'environment',
        message: `expected one of ${endpoint.tenant}'s environments (${names.join(', ')}), got "${endpoint.environment}"`,
        hint: suggestion
          ? `did you mean "${suggestion}"?`
          : `remove environment to mean every environment of ${endpoint.tenant}, or add it to ${parsed.tenant.file}`,
      };
    }
    return [tierOf(endpoint.environment, env.tier)];
  }
  return [...new Set(Object.entries(envs).map(([name, env]) => tierOf(name, env.tier)))];
}

/** Rules only ever join environments of the same tier, so two sides with no tier in common are a mistake. */
function crossesTiers(a: Tier[], b: Tier[]): boolean {
  return a.length > 0 && b.length > 0 && !a.some((x) => b.includes(x));
}
