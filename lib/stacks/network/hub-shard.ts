import { Annotations, aws_ec2 as ec2, Stack } from 'aws-cdk-lib';
import { NetworkLookup, AttachmentQuery } from '../../patterns/network/network-lookup';
import { SegmentRouting } from '../../patterns/network/segment-routing';
import { VpnLinks } from '../../patterns/network/vpn-links';
import { allEnvironments, EstateModel } from '../../config/model';
import { NetworkPlan } from '../../planners/hub/network-plan';
import { LOOKUP_MAX_KEYS, ShardPlan } from '../../planners/shards';
import { chunk } from '../../planners/segmentation/cidr-sets';
import { AttachmentPlan } from '../../planners/segmentation/types';
import { HubNetwork } from './hub-network';

/**
 * Fills one hub shard: for its tenants only, the IPAM allocations, VPN links, the deploy-time
 * lookup of their attachment IDs, and their associations, propagations and tier blackholes.
 * The resource count equals `shard.resources` (the shard planner counts the same plan).
 */
export function buildHubShard(
  stack: Stack,
  model: EstateModel,
  plan: NetworkPlan,
  shard: ShardPlan,
  hub: HubNetwork,
): void {
  const members = new Set(shard.tenants);
  const mine = <T extends { tenant?: string }>(items: readonly T[]) =>
    items.filter((i) => i.tenant !== undefined && members.has(i.tenant));

  for (const env of allEnvironments(model).filter((e) => members.has(e.tenant.odsCode))) {
    new ec2.CfnIPAMAllocation(stack, `Allocation${env.tenant.odsCode}${env.name}`, {
      ipamPoolId: hub.ipam.tenantPool.attrIpamPoolId,
      cidr: env.cidr,
      description: `${env.tenant.odsCode} ${env.name}`,
    });
  }

  const links = plan.vpnLinks.filter((l) => members.has(l.tenant));
  for (const link of links) {
    if (link.missing) Annotations.of(stack).addWarningV2('@nhs-cloud/network:vpn-device', link.missing);
  }
  const transitGatewayId = hub.transitGateway.transitGatewayId;
  const vpns = new VpnLinks(stack, 'Vpn', { links: links.filter((l) => !l.missing), transitGatewayId });

  const attachments = mine(plan.segmentation.attachments);
  const ids: Record<string, string> = {};
  chunk(attachments, LOOKUP_MAX_KEYS).forEach((group, i) => {
    const lookup = new NetworkLookup(stack, `Attachments${i + 1}`, {
      serviceToken: hub.lookupFunctionArn,
      transitGatewayId,
      attachments: Object.fromEntries(group.map((a) => [a.key, queryOf(a, vpns.connectionIds)])),
      // A spoke's new CIDR means a new VPC and attachment: look again.
      revision: group.map((a) => (a.source.kind === 'spoke' ? a.source.cidr : a.key)).join(','),
    });
    for (const a of group) ids[a.key] = lookup.attachmentId(a.key);
  });
  new SegmentRouting(stack, 'Segments', {
    routeTableIds: hub.transitGateway.routeTableIds,
    attachments,
    routes: mine(plan.segmentation.routes),
    attachmentId: (key) => ids[key],
  });
}

function queryOf(
  attachment: AttachmentPlan,
  vpnConnectionIds: Readonly<Record<string, string>>,
): AttachmentQuery {
  const { source } = attachment;
  if (source.kind === 'spoke') return { type: 'vpc', owner: source.accountId };
  if (source.kind === 'vpn') return { type: 'vpn', resourceId: vpnConnectionIds[attachment.key] };
  throw new Error(`hub attachment ${attachment.key} does not belong in a shard`);
}
