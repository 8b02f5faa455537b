import {
  CapacityPlan,
  CapacityShortfall,
  HubSizing,
  NationalRow,
  OnPremisesLink,
  TenantPathRow,
} from '../planners/capacity/types';

/**
 * The `--json` document. Its shape is a contract for scripts and dashboards, so it is built
 * field by field here rather than dumped from the plan's internal types:
 *
 *   { ok, growthFactor, minimumHeadroom, hub, paths: [{ tenant, environment, path, needMbps,
 *     capacityMbps, headroom, sizing? }], onPremises: [...], national: [{ path, needMbps,
 *     capacityMbps, headroom, sizing }], errors: [{ tenant?, environment?, path, message }] }
 */
export interface CapacityJson {
  readonly ok: boolean;
  readonly growthFactor: number;
  /** null when the estate has no tenants. */
  readonly minimumHeadroom: number | null;
  readonly hub: HubSizing;
  readonly paths: readonly TenantPathRow[];
  readonly onPremises: readonly OnPremisesLink[];
  readonly national: readonly NationalRow[];
  readonly errors: readonly CapacityShortfall[];
}

export function capacityJson(plan: CapacityPlan): CapacityJson {
  return {
    ok: plan.errors.length === 0,
    growthFactor: plan.growthFactor,
    minimumHeadroom: plan.minimumHeadroom ?? null,
    hub: plan.hub,
    paths: plan.paths.map((r) => ({
      tenant: r.tenant,
      environment: r.environment,
      path: r.path,
      needMbps: r.needMbps,
      capacityMbps: r.capacityMbps,
      headroom: r.headroom,
      ...(r.sizing ? { sizing: r.sizing } : {}),
    })),
    onPremises: plan.onPremises.map((l) => ({
      tenant: l.tenant,
      needMbps: l.needMbps,
      capacityMbps: l.capacityMbps,
      headroom: l.headroom,
      sizing: l.sizing,
    })),
    national: plan.national.map((r) => ({
      path: r.path,
      needMbps: r.needMbps,
      capacityMbps: r.capacityMbps,
      headroom: r.headroom,
      sizing: r.sizing,
    })),
    errors: plan.errors,
  };
}

export function formatCapacityJson(plan: CapacityPlan): string {
  return JSON.stringify(capacityJson(plan), null, 2);
}
