import { allEnvironments, EstateModel, TenantEnvironment } from '../../config/model';
import { FlowRule } from '../../config/schema/segmentation-schema';
import { segmentOfEnvironment } from './intent';

/*
 * The proof's own reading of which tenants must share a lane, written from docs/adr/0024-hub-lanes.md
 * ("tenants that a segmentation rule joins ... share a lane; flows with national services and
 * shared services are not joins") and not from lib/planners. test/verify/policy/readings-agree.test.ts
 * holds it to the planner's reading.
 */

/** An environment a rule side stands for, and whether every lane reaches it without sharing one. */
interface Side {
  readonly tenant?: string;
  readonly tier?: string;
  /** National services' prod environments and shared services: reachable from every lane. */
  readonly anyLane: boolean;
}

/**
 * Groups of tenants that must be in one lane (groups of one left out), each sorted, in order
 * of their first tenant. Two environments a rule lets talk (tiers paired, untiered sides with
 * any) join their tenants, unless exactly one of them is reachable from every lane.
 */
export function tenantsSharingLanes(model: EstateModel): string[][] {
  const group = new Map<string, Set<string>>();
  for (const t of model.tenants) group.set(t.odsCode, new Set([t.odsCode]));
  const merge = (a: string, b: string): void => {
    const ga = group.get(a)!;
    const gb = group.get(b)!;
    if (ga === gb) return;
    for (const t of gb) {
      ga.add(t);
      group.set(t, ga);
    }
  };
  for (const rule of model.estate.segmentation.rules) {
    const from = sides(model, rule.from);
    const to = sides(model, rule.to);
    for (const a of from) {
      for (const b of to) {
        if (!a.tenant || !b.tenant || a.tenant === b.tenant) continue;
        if (a.tier !== undefined && b.tier !== undefined && a.tier !== b.tier) continue;
        if (a.anyLane !== b.anyLane) continue;
        merge(a.tenant, b.tenant);
      }
    }
  }
  const seen = new Set<Set<string>>();
  const out: string[][] = [];
  for (const g of group.values()) {
    if (seen.has(g) || g.size < 2) continue;
    seen.add(g);
    out.push([...g].sort());
  }
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}

function sides(model: EstateModel, endpoint: FlowRule['from']): Side[] {
  const ofEnv = (env: TenantEnvironment): Side => ({
    tenant: env.tenant.odsCode,
    tier: env.tier,
    anyLane: segmentOfEnvironment(env) === 'national-services',
  });
  const environments = allEnvironments(model);
  if (endpoint.tenant !== undefined) {
    return environments
      .filter((env) => env.tenant.odsCode === endpoint.tenant)
      .filter((env) => endpoint.environment === undefined || env.name === endpoint.environment)
      .map(ofEnv);
  }
  if (endpoint.segment === 'shared-services') return [{ anyLane: true }];
  if (endpoint.segment === 'on-premises') {
    return model.tenants
      .filter((t) => (t.network.onPremises?.cidrs ?? []).length > 0)
      .map((t) => ({ tenant: t.odsCode, anyLane: false }));
  }
  return environments.filter((env) => segmentOfEnvironment(env) === endpoint.segment).map(ofEnv);
}
