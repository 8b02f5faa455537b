import { EstateModel, Tenant } from '../../config/model';
import { blockSize, parseCidr } from '../../net/cidr';
import { capacityRow, mbps } from './capacity-row';
import { sizeDirectConnect } from './direct-connect';
import { largest, planDirectConnectGateways } from './dx-gateways';
import { placeLanes, Placement } from './lane-placement';
import { attachmentCapacity, LaneCapacity, laneCapacity } from './lanes';
import {
  CapacityShortfall,
  DirectConnectGatewayRow,
  DirectConnectSizing,
  LanePlan,
  LaneRow,
  LaneSizing,
  NationalRow,
} from './types';

export interface NationalPlan {
  readonly rows: readonly NationalRow[];
  readonly lanes: LanePlan;
  readonly laneRows: readonly LaneRow[];
  readonly gatewayRows: readonly DirectConnectGatewayRow[];
  readonly errors: readonly CapacityShortfall[];
  /** Absent when no tenant uses Direct Connect. */
  readonly directConnect?: DirectConnectSizing;
  /** What a Direct Connect tenant's path carries: the ports, or its gateway's attachment if less. */
  readonly directConnectMbpsOf: (tenant: string) => number;
}

/** Lanes 2 and up each take a /22 of `network.hub.lanes` (an inspection and an egress /23). */
export const LANE_BLOCK_PREFIX = 22;

/**
 * The hub-wide aggregates, lane by lane (docs/adr/0024-hub-lanes.md). Tenants are placed in
 * lanes of equal capacity; each lane's need is its members' together, peaks summed as if they
 * coincide (over-sizing, never under-sizing). Only Direct Connect tenants cross the DX ports
 * and their lanes' Direct Connect gateway.
 */
export function planNational(
  model: EstateModel,
  needOf: (tenant: Tenant) => number,
  hubZones: readonly string[],
): NationalPlan {
  const { network } = model.estate;
  const lane = laneCapacity(hubZones, network.averagePacketBytes);
  const placement = placeLanes(model, needOf, { capacityMbps: lane.capacityMbps });
  const lanes = lanePlanOf(placement, lane);
  const laneRows = placement.members.flatMap((members, i) =>
    (['inspection', 'egress'] as const).map((path): LaneRow => ({
      lane: i + 1,
      path,
      members,
      ...capacityRow(placement.needs[i], lane.capacityMbps),
    })),
  );
  const errors: CapacityShortfall[] = [...placement.errors, ...laneRangeErrors(model, placement, needOf)];
  const rows: NationalRow[] = [];
  const totalNeed = placement.needs.reduce((a, b) => a + b, 0);
  if (model.tenants.length > 0) {
    const sizing: LaneSizing = {
      kind: 'lanes',
      lanes: placement.count,
      perAz: placement.count,
      availabilityZones: hubZones,
      total: placement.count * hubZones.length,
      laneCapacityMbps: lane.capacityMbps,
      binding: lane.binding,
      averagePacketBytes: lane.averagePacketBytes,
    };
    for (const path of ['firewall-endpoints', 'nat-gateways'] as const)
      rows.push({ path, ...capacityRow(totalNeed, placement.count * lane.capacityMbps), sizing });
  }

  const dxTenants = model.tenants.filter((t) => t.network.onPremises?.connection === 'directConnect');
  const none = { rows, lanes, laneRows, gatewayRows: [], errors, directConnectMbpsOf: () => 0 };
  if (dxTenants.length === 0) return none;

  const gatewayMbps = attachmentCapacity(hubZones, network.averagePacketBytes);
  const gateways = planDirectConnectGateways(model, placement.laneOf, needOf, gatewayMbps);
  const dxNeed = dxTenants.reduce((n, t) => n + needOf(t), 0);
  const dx = sizeDirectConnect(dxNeed, network.directConnect?.locations ?? [], gateways.gateways);
  rows.push({ path: 'dx-ports', ...capacityRow(dxNeed, dx.capacityMbps), sizing: dx.sizing });
  rows.push({
    path: 'dx-gateway-attachment',
    ...capacityRow(dxNeed, gatewayMbps * gateways.gateways.length),
    sizing: { kind: 'attachment', availabilityZones: hubZones, gateways: gateways.gateways.length },
  });
  if (dx.problem)
    errors.push({ path: 'dx-ports', message: `dx-ports: ${dx.problem} (${largest(dxTenants, needOf)})` });
  errors.push(...gateways.errors);
  const gatewayOf = new Map(gateways.rows.flatMap((g) => g.members.map((m) => [m, g] as const)));
  return {
    ...none,
    gatewayRows: gateways.rows,
    directConnect: dx.sizing,
    directConnectMbpsOf: (tenant) => Math.min(dx.capacityMbps, gatewayOf.get(tenant)?.capacityMbps ?? 0),
  };
}

function lanePlanOf(placement: Placement, lane: LaneCapacity): LanePlan {
  return {
    count: placement.count,
    capacityMbps: lane.capacityMbps,
    binding: lane.binding,
    averagePacketBytes: lane.averagePacketBytes,
    laneOf: Object.fromEntries(placement.laneOf),
    members: placement.members,
    moves: placement.moves,
    unpinned: placement.unpinned,
    groups: placement.groups.filter((g) => g.tenants.length > 1).map((g) => g.tenants),
  };
}

/** Lanes 2 and up need room in `network.hub.lanes`. */
function laneRangeErrors(
  model: EstateModel,
  placement: Placement,
  needOf: (t: Tenant) => number,
): CapacityShortfall[] {
  if (placement.count <= 1) return [];
  const range = model.estate.network.hub.lanes;
  const room = range ? lanesInRange(range) : 0;
  if (room >= placement.count - 1) return [];
  const drivers = largest(model.tenants, needOf);
  return [
    {
      path: 'lanes',
      message: range
        ? `lanes: the estate needs ${placement.count} lanes for ${mbps(placement.needs.reduce((a, b) => a + b, 0))} (${drivers}) ` +
          `but network.hub.lanes ${range} holds ${room} beyond lane 1 (a /${LANE_BLOCK_PREFIX} each); widen it in estate.yaml`
        : `lanes: the estate needs ${placement.count} lanes for ${mbps(placement.needs.reduce((a, b) => a + b, 0))} (${drivers}); ` +
          `set network.hub.lanes in estate.yaml to a free range of at least /${LANE_BLOCK_PREFIX - Math.ceil(Math.log2(placement.count - 1))} for lanes 2 to ${placement.count}`,
    },
  ];
}

/** How many lanes (beyond lane 1) a `network.hub.lanes` range holds. */
export function lanesInRange(range: string): number {
  const cidr = parseCidr(range);
  if (cidr.prefix > LANE_BLOCK_PREFIX) return 0;
  return blockSize(cidr) / 2 ** (32 - LANE_BLOCK_PREFIX);
}
