import { allEnvironments, EstateModel, TenantEnvironment, Tier } from '../../config/model';
import { FlowRule } from '../../config/schema/segmentation-schema';
import { fromCidrs, IntervalSet } from '../sets/interval-set';

/*
 * The proof's own reading of `estate.yaml` `segmentation:`, written from the schema's
 * descriptions (lib/config/schema/segmentation-schema.ts), docs/network.md "Segments and the
 * policy" and ADR 0007, and deliberately not from lib/planners: if the generator misread the
 * policy, a shared reading would produce wrong firewall rules and matching wrong expectations.
 * test/verify/policy/readings-agree.test.ts compares this reading with the planner's.
 */

/** The segments a tenant environment is associated with. */
export type EnvironmentSegment = 'national-services' | 'tenants-prod' | 'tenants-nonprod';

/**
 * docs/network.md: tenants-prod holds "prod environments of local tenants", national-services
 * "prod environments of national-scope tenants", tenants-nonprod "every nonprod environment".
 */
const SEGMENT_BY_TIER_AND_SCOPE: Readonly<
  Record<Tier, Readonly<Record<'local' | 'national', EnvironmentSegment>>>
> = {
  prod: { local: 'tenants-prod', national: 'national-services' },
  nonprod: { local: 'tenants-nonprod', national: 'tenants-nonprod' },
};

export function segmentOfEnvironment(env: TenantEnvironment): EnvironmentSegment {
  return SEGMENT_BY_TIER_AND_SCOPE[env.tier][env.tenant.scope];
}

/** RFC 1918, a fact about IPv4 rather than about this estate. */
export const RFC1918: readonly string[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];

/**
 * Home: every private range plus every range config gives the estate (the tenant supernet and
 * environment CIDRs, the hub's ranges, on-premises CIDRs), per ADR 0007 ("RFC 1918 plus any
 * estate range outside it"). Addresses outside it are the internet.
 */
export function estateHomeNet(model: EstateModel): IntervalSet {
  const { network } = model.estate;
  return fromCidrs([
    ...RFC1918,
    network.tenantSupernet,
    ...Object.values(network.hub),
    ...allEnvironments(model).map((env) => env.cidr),
    ...model.tenants.flatMap((t) => t.network.onPremises?.cidrs ?? []),
  ]);
}

/** One address a rule side stands for, with the tier it carries (none: shared or on-premises). */
export interface EndpointMember {
  readonly cidr: string;
  readonly tier?: Tier;
}

type Endpoint = FlowRule['from'];

/**
 * What one side of a rule names. The schema: "a whole segment, or one tenant (optionally one
 * of its environments)". A segment of environments is its members' CIDRs; shared-services is
 * the shared-services VPC; on-premises is every tenant's on-premises CIDRs. `environment`
 * narrows a tenant only: next to a segment it says nothing, and the whole segment is meant.
 */
export function endpointMembers(model: EstateModel, endpoint: Endpoint, ruleName: string): EndpointMember[] {
  const environments = allEnvironments(model);
  const ofEnvironment = (env: TenantEnvironment): EndpointMember => ({ cidr: env.cidr, tier: env.tier });
  if (endpoint.tenant !== undefined) {
    if (!model.tenants.some((t) => t.odsCode === endpoint.tenant))
      throw new Error(
        `segmentation rule "${ruleName}" names tenant ${endpoint.tenant}, which config does not have`,
      );
    return environments
      .filter((env) => env.tenant.odsCode === endpoint.tenant)
      .filter((env) => endpoint.environment === undefined || env.name === endpoint.environment)
      .map(ofEnvironment);
  }
  switch (endpoint.segment) {
    case 'national-services':
    case 'tenants-prod':
    case 'tenants-nonprod':
      return environments.filter((env) => segmentOfEnvironment(env) === endpoint.segment).map(ofEnvironment);
    case 'shared-services':
      return [{ cidr: model.estate.network.hub.sharedServices }];
    case 'on-premises':
      return model.tenants.flatMap((t) => (t.network.onPremises?.cidrs ?? []).map((cidr) => ({ cidr })));
    default:
      throw new Error(
        `segmentation rule "${ruleName}" names segment ${String(endpoint.segment)}, which no rule may name`,
      );
  }
}

/**
 * Whether a rule lets `src` talk to `dst`. ADR 0007: rule sides are paired "tier by tier", so
 * prod and nonprod never meet; an untiered member (shared services, on-premises) pairs with any.
 */
export function tiersMeet(src: EndpointMember, dst: EndpointMember): boolean {
  return src.tier === undefined || dst.tier === undefined || src.tier === dst.tier;
}

/** A block of allowed pairs: every source with every destination, for one rule. */
export interface IntendedFlow {
  readonly rule: string;
  readonly protocol: FlowRule['protocol'];
  readonly sources: readonly string[];
  readonly destinations: readonly string[];
  /** Destination ports; undefined: every port. */
  readonly ports?: readonly number[];
}

/**
 * The pairs `tiersMeet` allows, as at most three blocks: prod sources with prod and untiered
 * destinations, nonprod sources likewise, untiered sources with every destination. The blocks
 * share no source, so no pair is listed twice.
 */
export function intendedFlows(model: EstateModel, rule: FlowRule): IntendedFlow[] {
  const from = endpointMembers(model, rule.from, rule.name);
  const to = endpointMembers(model, rule.to, rule.name);
  const blocks: IntendedFlow[] = [];
  for (const tier of ['prod', 'nonprod', undefined] as const) {
    const sources = from.filter((m) => m.tier === tier);
    const destinations = sources.length ? to.filter((d) => tiersMeet(sources[0], d)) : [];
    if (!destinations.length) continue;
    blocks.push({
      rule: rule.name,
      protocol: rule.protocol,
      sources: unique(sources.map((m) => m.cidr)),
      destinations: unique(destinations.map((m) => m.cidr)),
      ...(rule.ports ? { ports: unique(rule.ports) } : {}),
    });
  }
  return blocks;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
