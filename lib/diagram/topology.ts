import { environmentsOf, EstateModel, Tenant, TenantKind } from '../config/model';
import { SEGMENTS, SegmentName } from '../config/schema/segmentation-schema';
import { planCapacity } from '../planners/capacity/plan-capacity';
import { laneRanges } from '../planners/hub/lane-ranges';
import { segmentOf } from '../planners/segmentation/segments';

/**
 * The estate's topology as plain data for a diagram: the hub, its segments, the on-premises
 * links and the tenants grouped by ICB (national bodies apart). Groups too large to draw
 * tenant by tenant are collapsed to counts, so an estate of hundreds of tenants stays legible.
 */
export interface Topology {
  readonly estateName: string;
  readonly hub: HubTopology;
  readonly onPremises: OnPremisesTopology;
  /** National bodies first, then ICB groups in ODS order. */
  readonly groups: readonly TenantGroup[];
  readonly totals: TenantCounts;
}

export interface HubTopology {
  readonly networkAccount: string;
  readonly transitGatewayAsn: number;
  /** The Transit Gateway route tables (each lane has its own of the tenant segments). */
  readonly segments: readonly SegmentName[];
  readonly inspectionCidr: string;
  readonly egressCidr: string;
  /** The lanes the capacity plan builds (docs/adr/0024-hub-lanes.md), each with its members. */
  readonly lanes: readonly LaneNode[];
  /** What one lane carries with an AZ lost. */
  readonly laneCapacityMbps: number;
  readonly egressDomains: number;
  readonly sharedServicesCidr: string;
  readonly forwardedDomains: readonly string[];
}

export interface LaneNode {
  readonly lane: number;
  readonly tenants: number;
  readonly needMbps: number;
  /** Undefined when config has no room for the lane yet (the capacity plan says so). */
  readonly inspectionCidr?: string;
  readonly egressCidr?: string;
}

export interface OnPremisesTopology {
  /** Direct Connect locations from estate.yaml; empty when there is none. */
  readonly directConnectLocations: readonly string[];
  readonly vpnTenants: number;
  readonly directConnectTenants: number;
}

export interface TenantCounts {
  readonly national: number;
  readonly icbs: number;
  readonly trusts: number;
  readonly environments: number;
}

export interface TenantNode {
  readonly odsCode: string;
  readonly name: string;
  readonly kind: TenantKind;
  readonly environments: readonly string[];
  readonly onPremises?: 'vpn' | 'directConnect';
}

export interface TenantGroup {
  /** `national`, an ICB's ODS code, or `no-icb` for trusts that name no ICB tenant. */
  readonly id: string;
  readonly title: string;
  /** The ICB tenant first, then trusts by ODS code. */
  readonly tenants: readonly TenantNode[];
  /** Drawn as one node with counts instead of one node per tenant. */
  readonly collapsed: boolean;
  readonly counts: TenantCounts;
  /** Route tables the group's environments associate with, in segment order. */
  readonly segments: readonly SegmentName[];
  readonly vpnTenants: number;
  readonly directConnectTenants: number;
}

export interface TopologyOptions {
  /**
   * A group with more tenants than this is collapsed to counts.
   * @default 8
   */
  readonly maxTenantsPerGroup?: number;
  /**
   * Most tenant nodes drawn in all; beyond it the largest groups collapse first.
   * @default 40
   */
  readonly maxTenantNodes?: number;
}

export const DEFAULT_MAX_TENANTS_PER_GROUP = 8;
export const DEFAULT_MAX_TENANT_NODES = 40;

const KIND_ORDER: Readonly<Record<TenantKind, number>> = { national: 0, icb: 1, trust: 2 };

export function planTopology(model: EstateModel, options: TopologyOptions = {}): Topology {
  const { estate } = model;
  const groups = collapse(
    groupTenants(model),
    options.maxTenantsPerGroup ?? DEFAULT_MAX_TENANTS_PER_GROUP,
    options.maxTenantNodes ?? DEFAULT_MAX_TENANT_NODES,
  );
  const onPrem = (c: 'vpn' | 'directConnect') =>
    model.tenants.filter((t) => t.network.onPremises?.connection === c).length;
  const capacity = planCapacity(model);
  return {
    estateName: estate.name,
    hub: {
      networkAccount: estate.organization.accounts.network,
      transitGatewayAsn: estate.network.transitGatewayAsn,
      segments: SEGMENTS,
      inspectionCidr: estate.network.hub.inspection,
      egressCidr: estate.network.hub.egress,
      lanes: laneNodes(model, capacity),
      laneCapacityMbps: capacity.hub.lanes.capacityMbps,
      egressDomains: estate.segmentation.egressDomains.length,
      sharedServicesCidr: estate.network.hub.sharedServices,
      forwardedDomains: estate.network.dns.forwardedDomains,
    },
    onPremises: {
      directConnectLocations: estate.network.directConnect?.locations ?? [],
      vpnTenants: onPrem('vpn'),
      directConnectTenants: onPrem('directConnect'),
    },
    groups,
    totals: countTenants(model.tenants, model),
  };
}

/** National scope -> the national group; an ICB -> its own group; a trust -> its ICB's group. */
function groupOf(tenant: Tenant): string {
  if (tenant.scope === 'national') return 'national';
  if (tenant.kind === 'icb') return tenant.odsCode;
  return tenant.icb ?? 'no-icb';
}

function groupTenants(model: EstateModel): TenantGroup[] {
  const members = new Map<string, Tenant[]>();
  for (const tenant of model.tenants) {
    const id = groupOf(tenant);
    members.set(id, [...(members.get(id) ?? []), tenant]);
  }
  const names = new Map(model.tenants.map((t) => [t.odsCode, t.name]));
  const ids = [...members.keys()].sort(
    (a, b) => Number(a !== 'national') - Number(b !== 'national') || a.localeCompare(b),
  );
  return ids.map((id) => {
    const tenants = [...members.get(id)!].sort(
      (a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.odsCode.localeCompare(b.odsCode),
    );
    const segments = new Set<SegmentName>(
      tenants.flatMap((t) => environmentsOf(t, model.estate).map(segmentOf)),
    );
    const title =
      id === 'national'
        ? 'National bodies'
        : id === 'no-icb'
          ? 'Trusts with no ICB'
          : `${id} ${names.get(id) ?? ''}`;
    return {
      id,
      title: title.trim(),
      tenants: tenants.map(node),
      collapsed: false,
      counts: countTenants(tenants, model),
      segments: SEGMENTS.filter((s) => segments.has(s)),
      vpnTenants: tenants.filter((t) => t.network.onPremises?.connection === 'vpn').length,
      directConnectTenants: tenants.filter((t) => t.network.onPremises?.connection === 'directConnect')
        .length,
    };
  });
}

/**
 * Collapses every group above the per-group limit, then the largest remaining groups (ties in
 * group order) until at most `maxNodes` tenant nodes are drawn.
 */
function collapse(groups: TenantGroup[], maxPerGroup: number, maxNodes: number): TenantGroup[] {
  const collapsed = new Set(groups.filter((g) => g.tenants.length > maxPerGroup).map((g) => g.id));
  const drawn = () => groups.filter((g) => !collapsed.has(g.id)).reduce((n, g) => n + g.tenants.length, 0);
  const bySize = groups
    .filter((g) => !collapsed.has(g.id))
    .sort((a, b) => b.tenants.length - a.tenants.length);
  for (const group of bySize) {
    if (drawn() <= maxNodes) break;
    collapsed.add(group.id);
  }
  return groups.map((g) => (collapsed.has(g.id) ? { ...g, collapsed: true } : g));
}

function node(tenant: Tenant): TenantNode {
  return {
    odsCode: tenant.odsCode,
    name: tenant.name,
    kind: tenant.kind,
    environments: Object.keys(tenant.environments),
    ...(tenant.network.onPremises && { onPremises: tenant.network.onPremises.connection }),
  };
}

function countTenants(tenants: readonly Tenant[], model: EstateModel): TenantCounts {
  const of = (kind: TenantKind) => tenants.filter((t) => t.kind === kind).length;
  return {
    national: of('national'),
    icbs: of('icb'),
    trusts: of('trust'),
    environments: tenants.reduce((n, t) => n + environmentsOf(t, model.estate).length, 0),
  };
}

function laneNodes(model: EstateModel, capacity: ReturnType<typeof planCapacity>): LaneNode[] {
  const { lanes } = capacity.hub;
  let ranges: ReturnType<typeof laneRanges> = [];
  try {
    ranges = laneRanges(model.estate, lanes.count);
  } catch {
    ranges = laneRanges(model.estate, 1); // no room for more yet: `nhs-cloud capacity` says so
  }
  return lanes.members.map((members, i) => ({
    lane: i + 1,
    tenants: members.length,
    needMbps: capacity.lanes.find((r) => r.lane === i + 1)?.needMbps ?? 0,
    inspectionCidr: ranges[i]?.inspection,
    egressCidr: ranges[i]?.egress,
  }));
}
