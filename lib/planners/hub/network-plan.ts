import { EstateModel } from '../../config/model';
import { resolverTenant } from '../capacity/dx-gateways';
import { HubSizing } from '../capacity/types';
import { planRuleGroups, RuleGroupPlan } from '../segmentation/firewall-groups';
import { planSegmentation } from '../segmentation/plan-segmentation';
import { SegmentationPlan } from '../segmentation/types';
import { assertShardBounds, planReturns, planShards, ReturnsPlan, ShardPlan } from '../shards';
import { DirectConnectPlan, planDirectConnect } from './direct-connect';
import { DnsPlan, planDns } from './dns';
import { HUB_SUBNET_GROUPS, HubSubnetPlan, planHubSubnets } from './hub-subnets';
import { LaneRanges, laneRanges } from './lane-ranges';
import { assertLaneBounds, LaneStackPlan, planLaneStacks } from './lane-stacks';
import { planQuotas, QuotaRow } from './quotas';
import { planVpnLinks, VpnLinkPlan } from './vpn-links';

/** Everything the network stacks render, computed once from the estate and the capacity plan. */
export interface NetworkPlan {
  readonly sizing: HubSizing;
  /** Lane 1's VPCs (in Core-Network) and the shared-services VPC. */
  readonly subnets: {
    readonly inspection: HubSubnetPlan;
    readonly egress: HubSubnetPlan;
    readonly sharedServices: HubSubnetPlan;
  };
  /** Every lane's VPC ranges, lane 1 first. */
  readonly lanes: readonly LaneRanges[];
  /** Lanes 2 and up, each its own stack. */
  readonly laneStacks: readonly LaneStackPlan[];
  /** The lane where DNS with the on-premises resolvers is inspected. */
  readonly dnsLane: number;
  readonly segmentation: SegmentationPlan;
  readonly ruleGroups: readonly RuleGroupPlan[];
  readonly vpnLinks: readonly VpnLinkPlan[];
  readonly directConnect?: DirectConnectPlan;
  readonly dns: DnsPlan;
  readonly shards: readonly ShardPlan[];
  /** The return routes of each shard's tenants outside lane 1. */
  readonly returns: readonly ReturnsPlan[];
  /** The quotas the plan needs, with the increases to request. */
  readonly quotas: readonly QuotaRow[];
}

/**
 * Composes the network planners. Always over the whole estate, so building one tenant
 * (`-c tenant=ODS`) yields the same hub, lanes and shard as a full build.
 */
export function planNetwork(model: EstateModel, sizing: HubSizing): NetworkPlan {
  const { estate } = model;
  const zones = estate.availabilityZones[estate.homeRegion] ?? [];
  const vpnLinks = planVpnLinks(model, sizing.vpnConnections, sizing.vpnTunnelBandwidth);
  const directConnect = planDirectConnect(model, sizing.directConnect);
  const lanes = laneRanges(estate, sizing.lanes.count);
  const resolvers = resolverTenant(model);
  const dnsLane = (resolvers && sizing.lanes.laneOf[resolvers.odsCode]) || 1;
  const segmentation = planSegmentation(model, {
    vpnLinks,
    directConnectGateways: sizing.directConnect?.gateways ?? [],
    laneOf: sizing.lanes.laneOf,
    lanes,
    dnsLane,
  });
  const shards = planShards(model, segmentation, vpnLinks);
  const returns = planReturns(segmentation);
  assertShardBounds([...shards, ...returns]);
  const laneStacks = planLaneStacks(lanes, zones, segmentation);
  assertLaneBounds(laneStacks);
  const sharedServices = planHubSubnets(
    estate.network.hub.sharedServices,
    zones,
    HUB_SUBNET_GROUPS.sharedServices,
  );
  return {
    sizing,
    subnets: {
      inspection: planHubSubnets(estate.network.hub.inspection, zones, HUB_SUBNET_GROUPS.inspection),
      egress: planHubSubnets(estate.network.hub.egress, zones, HUB_SUBNET_GROUPS.egress),
      sharedServices,
    },
    lanes,
    laneStacks,
    dnsLane,
    segmentation,
    ruleGroups: planRuleGroups(segmentation.firewall, estate.name),
    vpnLinks,
    directConnect,
    dns: planDns(estate, sharedServices),
    shards,
    returns,
    quotas: planQuotas(model, segmentation, lanes.length, zones, sizing.directConnect?.gateways ?? []),
  };
}
