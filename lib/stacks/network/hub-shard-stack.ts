import { Annotations, aws_ec2 as ec2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { NetworkLookup, AttachmentQuery } from '../../patterns/network/network-lookup';
import { lookupOf, SegmentRouting } from '../../patterns/network/segment-routing';
import { VpnLinks } from '../../patterns/network/vpn-links';
import { EstateConfig } from '../../config/schema/estate-schema';
import { ShardInputs } from '../../planners/hub/hub-stack-inputs';
import { vpnTunnelLogGroupName } from '../../planners/naming';
import { LOOKUP_MAX_KEYS, ShardPlan } from '../../planners/shards';
import { chunk } from '../../planners/segmentation/cidr-sets';
import { AttachmentPlan } from '../../planners/segmentation/types';
import { LANES_METADATA } from '../../planners/hub/lane-stacks';
import { EstateStack } from '../estate-stack';
import { HubReferences } from './hub-references';
import { networkStackProps } from './network-stack-props';

export interface HubShardStackProps {
  readonly estate: EstateConfig;
  /** This shard's slice of the plan: all the stack reads of it. */
  readonly inputs: ShardInputs;
  /** From Core-Network (same account and region). */
  readonly hub: HubReferences;
  /** Every route table of every lane, by table key (Core-Network's and the lane stacks'). */
  readonly routeTableIds: Readonly<Record<string, string>>;
}

/**
 * Core-Network-Shard-NNN: the hub's per-tenant resources for the tenants of one shard only: the
 * IPAM allocations, VPN links, the deploy-time lookup of their attachment IDs, and their
 * associations, propagations and tier blackholes. Sharding keeps every hub stack far below
 * CloudFormation's limits at national scale; the resource count equals `shard.resources` (the
 * shard planner counts the same plan).
 */
export class HubShardStack extends EstateStack {
  readonly shard: ShardPlan;

  constructor(scope: Construct, id: string, props: HubShardStackProps) {
    const { estate, inputs, hub, routeTableIds } = props;
    const { shard } = inputs;
    super(
      scope,
      id,
      networkStackProps(estate, `NHS national cloud: hub shard ${shard.index} (${shard.tenants.join(', ')})`),
    );
    this.shard = shard;
    // Each tenant's lane, which `nhs-cloud plan` compares to list lane moves by name.
    this.templateOptions.metadata = { [LANES_METADATA]: { ...inputs.lanes } };

    for (const env of inputs.environments) {
      new ec2.CfnIPAMAllocation(this, `Allocation${env.odsCode}${env.name}`, {
        ipamPoolId: hub.tenantPoolId,
        cidr: env.cidr,
        description: `${env.odsCode} ${env.name}`,
      });
    }

    const links = inputs.vpnLinks;
    for (const link of links) {
      if (link.missing) Annotations.of(this).addWarningV2('@nhs-cloud/network:vpn-device', link.missing);
    }
    const transitGatewayId = hub.transitGatewayId;
    const vpns = new VpnLinks(this, 'Vpn', {
      links: links.filter((l) => !l.missing),
      transitGatewayId,
      // Created by Core-Network (which every shard deploys after), found by name.
      tunnelLogGroupArn: `arn:aws:logs:${this.region}:${this.account}:log-group:${vpnTunnelLogGroupName(estate)}`,
    });

    const { attachments } = inputs;
    const ids: Record<string, string> = {};
    chunk(attachments, LOOKUP_MAX_KEYS).forEach((group, i) => {
      const lookup = new NetworkLookup(this, `Attachments${i + 1}`, {
        serviceToken: hub.lookupFunctionArn,
        transitGatewayId,
        attachments: Object.fromEntries(group.map((a) => [a.key, queryOf(a, vpns.connectionIds)])),
        // A spoke's new CIDR means a new VPC and attachment: look again.
        revision: group.map((a) => (a.source.kind === 'spoke' ? a.source.cidr : a.key)).join(','),
      });
      for (const a of group) ids[a.key] = lookup.attachmentId(a.key);
    });
    new SegmentRouting(this, 'Segments', {
      routeTableId: lookupOf(routeTableIds, 'route table'),
      associations: inputs.associations,
      propagations: inputs.propagations,
      routes: inputs.routes,
      attachmentId: lookupOf(ids, 'attachment'),
    });
  }
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
