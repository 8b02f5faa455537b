import { pad } from '../segmentation/attachments';
import { PlanHome, SegmentationPlan } from '../segmentation/types';
import { LOOKUP_MAX_KEYS, SHARD_MAX_RESOURCES } from '../shards';
import { HUB_SUBNET_GROUPS, HubSubnetPlan, planHubSubnets } from './hub-subnets';
import { LaneRanges } from './lane-ranges';

/** Template metadata of each hub shard: its tenants' lanes, for `nhs-cloud plan` to compare. */
export const LANES_METADATA = 'nhs-cloud:lanes';

/** `Core-Network-Lane-02`: lanes 2 and up, each in its own stack (lane 1 is in Core-Network). */
export function laneStackName(lane: number): string {
  return `Core-Network-Lane-${pad(lane)}`;
}

/**
 * A lane stack: its two VPCs and firewall (a fixed set, counted by
 * test/stacks/network/lane-stack.test.ts) and what the plan homes in it: its route tables and
 * their routes, Direct Connect propagations, the reach of national services into the lane, and
 * the lookups of those services' attachment IDs.
 */
export interface LaneStackPlan {
  readonly lane: number;
  readonly stackName: string;
  readonly ranges: LaneRanges;
  readonly subnets: { readonly inspection: HubSubnetPlan; readonly egress: HubSubnetPlan };
  /** Tenant attachments (national services) whose IDs the stack looks up. */
  readonly lookups: readonly string[];
  /** Resources that grow with what the plan homes here: routes, bindings and lookups. */
  readonly planned: number;
}

/**
 * Resources of a lane stack that do not depend on the estate: the inspection VPC (subnets,
 * VPC route tables, firewall, its logging and endpoint lookup, flow log), the egress VPC (NAT
 * gateways, addresses, internet gateway, flow log), their attachments and associations,
 * counted from a synthesized lane; the lane stack test holds the template to fixed + planned.
 */
export const LANE_FIXED_RESOURCES = 80;

/** What the planned part of a lane stack may hold so the whole stays within the shard budget. */
export const LANE_MAX_PLANNED = SHARD_MAX_RESOURCES - LANE_FIXED_RESOURCES;

export function planLaneStacks(
  ranges: readonly LaneRanges[],
  zones: readonly string[],
  segmentation: SegmentationPlan,
): LaneStackPlan[] {
  const tenantKeys = new Set(segmentation.attachments.filter((a) => a.tenant).map((a) => a.key));
  const inLane = (home: PlanHome, lane: number) => home.stack === 'lane' && home.lane === lane;
  return ranges
    .filter((r) => r.lane > 1)
    .map((r) => {
      const bindings = [...segmentation.associations, ...segmentation.propagations].filter((b) =>
        inLane(b.home, r.lane),
      );
      const routes = segmentation.routes.filter((x) => inLane(x.home, r.lane));
      const tables = segmentation.tables.filter((t) => t.lane === r.lane);
      const lookups = [...new Set(bindings.map((b) => b.attachment).filter((k) => tenantKeys.has(k)))].sort();
      // Bindings and routes of the lane's own VPC attachments are part of the fixed count.
      const own = bindings.filter(
        (b) => !tenantKeys.has(b.attachment) && !b.attachment.startsWith('DirectConnect'),
      );
      return {
        lane: r.lane,
        stackName: laneStackName(r.lane),
        ranges: r,
        subnets: {
          inspection: planHubSubnets(r.inspection, zones, HUB_SUBNET_GROUPS.inspection),
          egress: planHubSubnets(r.egress, zones, HUB_SUBNET_GROUPS.egress),
        },
        lookups,
        planned:
          tables.length +
          bindings.length -
          own.length +
          routes.length +
          Math.ceil(lookups.length / LOOKUP_MAX_KEYS),
      };
    });
}

/** Fails synthesis, naming the lane and the national services that fill it, before CloudFormation would. */
export function assertLaneBounds(lanes: readonly LaneStackPlan[]): void {
  const over = lanes.filter((l) => l.planned > LANE_MAX_PLANNED);
  if (over.length === 0) return;
  throw new Error(
    [
      `Lane stacks over budget: ${over.length}`,
      ...over.map(
        (l) =>
          `  - ${l.stackName}: ${LANE_FIXED_RESOURCES + l.planned} resources (limit ${SHARD_MAX_RESOURCES}); national services looked up: ${l.lookups.join(', ') || 'none'}`,
      ),
      'every national service adds a route and a propagation to every lane; see docs/adr/0024-hub-lanes.md',
    ].join('\n'),
  );
}
