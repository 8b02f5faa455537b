import { EstateModel } from '../../config/model';
import { HubSizing } from '../capacity/types';
import { planRuleGroups, RuleGroupPlan } from '../segmentation/firewall-groups';
import { planSegmentation } from '../segmentation/plan-segmentation';
import { SegmentationPlan } from '../segmentation/types';
import { assertShardBounds, planShards, ShardPlan } from '../shards';
import { DirectConnectPlan, planDirectConnect } from './direct-connect';
import { DnsPlan, planDns } from './dns';
import { HUB_SUBNET_GROUPS, HubSubnetPlan, planHubSubnets } from './hub-subnets';
import { planVpnLinks, VpnLinkPlan } from './vpn-links';

/** Everything the network stacks render, computed once from the estate and the capacity plan. */
export interface NetworkPlan {
  readonly sizing: HubSizing;
  readonly subnets: {
    readonly inspection: HubSubnetPlan;
    readonly egress: HubSubnetPlan;
    readonly sharedServices: HubSubnetPlan;
  };
  readonly segmentation: SegmentationPlan;
  readonly ruleGroups: readonly RuleGroupPlan[];
  readonly vpnLinks: readonly VpnLinkPlan[];
  readonly directConnect?: DirectConnectPlan;
  readonly dns: DnsPlan;
  readonly shards: readonly ShardPlan[];
}

/**
 * Composes the network planners. Always over the whole estate, so building one tenant
 * (`-c tenant=ODS`) yields the same hub and the same shard as a full build.
 */
export function planNetwork(model: EstateModel, sizing: HubSizing): NetworkPlan {
  const { estate } = model;
  const zones = estate.availabilityZones[estate.homeRegion] ?? [];
  const vpnLinks = planVpnLinks(model, sizing.vpnConnections);
  const directConnect = planDirectConnect(model, sizing.directConnect);
  const segmentation = planSegmentation(model, { vpnLinks, directConnect: directConnect !== undefined });
  const shards = planShards(model, segmentation, vpnLinks);
  assertShardBounds(shards);
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
    segmentation,
    ruleGroups: planRuleGroups(segmentation.firewall, estate.name),
    vpnLinks,
    directConnect,
    dns: planDns(estate, sharedServices),
    shards,
  };
}
