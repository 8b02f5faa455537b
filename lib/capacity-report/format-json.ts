import { QuotaRow } from '../planners/hub/quotas';
import {
  CapacityPlan,
  CapacityShortfall,
  DirectConnectGatewayRow,
  HubSizing,
  LaneRow,
  NationalRow,
  OnPremisesLink,
  TenantPathRow,
} from '../planners/capacity/types';

/**
 * The `--json` document. Its shape is a contract for scripts and dashboards, so it is built
 * field by field here rather than dumped from the plan's internal types:
 *
 *   { ok, growthFactor, minimumHeadroom, hub, paths: [{ tenant, environment, path, needMbps,
 *     capacityMbps, headroom, lane?, sizing? }], onPremises: [...], national: [{ path, needMbps,
 *     capacityMbps, headroom, sizing }], lanes: [{ lane, path, needMbps, capacityMbps, headroom,
 *     members }], directConnectGateways: [{ gateway, lanes, members, needMbps, capacityMbps,
 *     headroom, prefixesFromOnPremises, prefixesToOnPremises }], quotas: [...],
 *     errors: [{ tenant?, environment?, path, message }] }
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
  /** Each lane's inspection and egress: its members' need together against one lane. */
  readonly lanes: readonly LaneRow[];
  readonly directConnectGateways: readonly DirectConnectGatewayRow[];
  /** The quotas the network plan needs, with the increases to request (absent when not planned). */
  readonly quotas: readonly QuotaRow[];
  readonly errors: readonly CapacityShortfall[];
}

export function capacityJson(plan: CapacityPlan, quotas: readonly QuotaRow[] = []): CapacityJson {
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
      ...(r.lane !== undefined ? { lane: r.lane } : {}),
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
    lanes: plan.lanes.map((r) => ({
      lane: r.lane,
      path: r.path,
      needMbps: r.needMbps,
      capacityMbps: r.capacityMbps,
      headroom: r.headroom,
      members: r.members,
    })),
    directConnectGateways: plan.directConnectGateways.map((g) => ({
      gateway: g.gateway,
      lanes: g.lanes,
      members: g.members,
      needMbps: g.needMbps,
      capacityMbps: g.capacityMbps,
      headroom: g.headroom,
      prefixesFromOnPremises: g.prefixesFromOnPremises,
      prefixesToOnPremises: g.prefixesToOnPremises,
    })),
    quotas,
    errors: plan.errors,
  };
}

export function formatCapacityJson(plan: CapacityPlan, quotas: readonly QuotaRow[] = []): string {
  return JSON.stringify(capacityJson(plan, quotas), null, 2);
}
