import { allEnvironments, EstateModel, Tier } from '../../config/model';
import { FlowRule } from '../../config/schema/segmentation-schema';
import { segmentOf } from '../segmentation/segments';

/** Tenants that must share a lane, and the rules that join them. */
export interface LaneGroup {
  /** ODS codes, sorted. */
  readonly tenants: readonly string[];
  /** Names of the rules that joined them (empty for a tenant on its own). */
  readonly rules: readonly string[];
}

/**
 * One side of a rule, environment by environment. `everywhere` marks what every lane reaches
 * without sharing a lane: national services' prod environments (propagated into every lane's
 * post-inspection table, with return routes to every lane) and shared services.
 */
interface Member {
  readonly tenant?: string;
  readonly tier?: Tier;
  readonly everywhere: boolean;
}

/**
 * Groups tenants that a segmentation rule joins, so each allowed flow is inspected in one
 * lane both ways (docs/adr/0024-hub-lanes.md). Rule sides meet tier by tier, as the firewall
 * rules do; a pair of environments where exactly one side is reachable from every lane
 * (national services' prod, shared services) joins nothing. Every other pair joins its two
 * tenants: tenant to tenant, a tenant to a segment of tenants, on-premises networks.
 *
 *   RGR prod -> RDE prod                 -> {RGR, RDE}
 *   tenants-prod -> national-services     -> nothing (national services reach every lane)
 *   tenants-prod -> RDE                   -> RDE with every local prod tenant
 */
export function laneGroups(model: EstateModel): LaneGroup[] {
  const parent = new Map(model.tenants.map((t) => [t.odsCode, t.odsCode]));
  const rulesOf = new Map<string, Set<string>>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const join = (tenants: readonly string[], rule: string): void => {
    const roots = [...new Set(tenants.map(find))].sort();
    if (roots.length < 2 && tenants.length < 2) return;
    const [first, ...rest] = roots;
    const rules = rulesOf.get(first) ?? new Set();
    rules.add(rule);
    for (const r of rest) {
      parent.set(r, first);
      for (const x of rulesOf.get(r) ?? []) rules.add(x);
      rulesOf.delete(r);
    }
    rulesOf.set(first, rules);
  };
  for (const rule of model.estate.segmentation.rules) {
    const from = membersOf(model, rule.from);
    const to = membersOf(model, rule.to);
    for (const tier of ['prod', 'nonprod', undefined] as const) {
      const sources = from.filter((m) => m.tier === tier);
      const destinations = to.filter((d) => tier === undefined || d.tier === undefined || d.tier === tier);
      for (const everywhere of [false, true]) {
        const s = sources.filter((m) => m.everywhere === everywhere && m.tenant);
        const d = destinations.filter((m) => m.everywhere === everywhere && m.tenant);
        if (s.length > 0 && d.length > 0) {
          const tenants = [...s, ...d].map((m) => m.tenant!);
          if (new Set(tenants).size > 1) join(tenants, rule.name);
        }
      }
    }
  }
  const groups = new Map<string, string[]>();
  for (const t of model.tenants) {
    const root = find(t.odsCode);
    groups.set(root, [...(groups.get(root) ?? []), t.odsCode]);
  }
  return [...groups.entries()]
    .map(([root, tenants]) => ({
      tenants: [...tenants].sort(),
      rules: [...(rulesOf.get(root) ?? [])].sort(),
    }))
    .sort((a, b) => a.tenants[0].localeCompare(b.tenants[0]));
}

function membersOf(model: EstateModel, endpoint: FlowRule['from']): Member[] {
  if (endpoint.tenant !== undefined) {
    return allEnvironments(model)
      .filter((env) => env.tenant.odsCode === endpoint.tenant)
      .filter((env) => endpoint.environment === undefined || env.name === endpoint.environment)
      .map((env) => ({
        tenant: env.tenant.odsCode,
        tier: env.tier,
        everywhere: segmentOf(env) === 'national-services',
      }));
  }
  switch (endpoint.segment) {
    case 'shared-services':
      return [{ everywhere: true }];
    case 'on-premises':
      return model.tenants
        .filter((t) => (t.network.onPremises?.cidrs.length ?? 0) > 0)
        .map((t) => ({ tenant: t.odsCode, everywhere: false }));
    default:
      return allEnvironments(model)
        .filter((env) => segmentOf(env) === endpoint.segment)
        .map((env) => ({
          tenant: env.tenant.odsCode,
          tier: env.tier,
          everywhere: endpoint.segment === 'national-services',
        }));
  }
}
