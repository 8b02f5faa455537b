import { allEnvironments, EstateModel, Tier } from '../../config/model';
import { FlowRule, SegmentName } from '../../config/schema/segmentation-schema';
import { chunk, sortCidrs } from './cidr-sets';
import { segmentOf } from './segments';
import { FirewallRule } from './types';

/**
 * At most this many CIDRs on either side of one Suricata rule: 100 x 19 characters each way
 * stays well inside Network Firewall's 8,192-character limit per rule.
 */
export const MAX_CIDRS_PER_RULE = 100;

/** A resolved endpoint address and the tier it belongs to (none for shared or on-premises ranges). */
interface Member {
  readonly cidr: string;
  readonly tier?: Tier;
}

type Endpoint = FlowRule['from'];

/**
 * Turns one allowed flow from estate.yaml into firewall pass rules with concrete CIDRs.
 * Sides are matched tier by tier, so a rule between two tenants (all environments) allows
 * prod to prod and nonprod to nonprod, never across. Large sides are split into several
 * rules of at most MAX_CIDRS_PER_RULE CIDRs per side.
 *
 *   tenants-prod -> national-services tcp 443 (RGR prod, RDE prod; X24 prod) ->
 *     pass tcp [10.64.0.0/21, 10.64.120.0/21] -> [10.64.240.0/21] 443
 */
export function flowRulesOf(model: EstateModel, rule: FlowRule): FirewallRule[] {
  const from = membersOf(model, rule.from, rule.name);
  const to = membersOf(model, rule.to, rule.name);
  const out: FirewallRule[] = [];
  for (const [fromTier, sources] of byTier(from)) {
    for (const [toTier, destinations] of byTier(to)) {
      if (fromTier && toTier && fromTier !== toTier) continue;
      const tier = fromTier ?? toTier;
      for (const [i, s] of chunk(sources, MAX_CIDRS_PER_RULE).entries()) {
        for (const [j, d] of chunk(destinations, MAX_CIDRS_PER_RULE).entries()) {
          out.push({
            name: ruleName(rule.name, tier, i, j),
            protocol: rule.protocol,
            sources: s,
            destinations: d,
            ...(rule.ports ? { ports: [...new Set(rule.ports)].sort((a, b) => a - b) } : {}),
            reason: rule.reason,
          });
        }
      }
    }
  }
  return uniqueNames(out);
}

function membersOf(model: EstateModel, endpoint: Endpoint, ruleName: string): Member[] {
  const { estate } = model;
  if (endpoint.segment) return segmentMembers(model, endpoint.segment, ruleName);
  const tenant = model.tenants.find((t) => t.odsCode === endpoint.tenant);
  if (!tenant) throw new Error(`segmentation rule "${ruleName}": no tenant ${endpoint.tenant}`);
  return allEnvironments({ estate, tenants: [tenant] })
    .filter((env) => !endpoint.environment || env.name === endpoint.environment)
    .map((env) => ({ cidr: env.cidr, tier: env.tier }));
}

function segmentMembers(model: EstateModel, segment: SegmentName, ruleName: string): Member[] {
  switch (segment) {
    case 'shared-services':
      return [{ cidr: model.estate.network.hub.sharedServices }];
    case 'on-premises':
      return model.tenants.flatMap((t) => (t.network.onPremises?.cidrs ?? []).map((cidr) => ({ cidr })));
    case 'post-inspection':
      throw new Error(
        `segmentation rule "${ruleName}": post-inspection holds only the inspection VPC and cannot be a rule endpoint`,
      );
    default:
      return allEnvironments(model)
        .filter((env) => segmentOf(env) === segment)
        .map((env) => ({ cidr: env.cidr, tier: env.tier }));
  }
}

/** Members grouped by tier, prod first, untiered last; each group sorted. Empty groups are dropped. */
function byTier(members: readonly Member[]): [Tier | undefined, string[]][] {
  const order: (Tier | undefined)[] = ['prod', 'nonprod', undefined];
  return order
    .map((tier): [Tier | undefined, string[]] => [
      tier,
      sortCidrs(members.filter((m) => m.tier === tier).map((m) => m.cidr)),
    ])
    .filter(([, cidrs]) => cidrs.length > 0);
}

function ruleName(base: string, tier: Tier | undefined, i: number, j: number): string {
  const part = i === 0 && j === 0 ? '' : `-part${i + 1}.${j + 1}`;
  return `${base}${tier ? `/${tier}` : ''}${part}`;
}

/** Drops the tier suffix where a rule has only one tier, so the common case reads like config. */
function uniqueNames(rules: FirewallRule[]): FirewallRule[] {
  const tiers = new Set(rules.map((r) => r.name.split('/')[1]?.split('-part')[0]));
  if (tiers.size > 1) return rules;
  return rules.map((r) => ({ ...r, name: r.name.replace(/\/(prod|nonprod)/, '') }));
}
