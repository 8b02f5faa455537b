import { Construct } from 'constructs';
import { EgressVpc } from '../../patterns/network/egress-vpc';
import { InspectionVpc } from '../../patterns/network/inspection-vpc';
import { chunk } from '../../planners/segmentation/cidr-sets';
import { NetworkLookup } from '../../patterns/network/network-lookup';
import { lookupOf, SegmentRouting } from '../../patterns/network/segment-routing';
import { addRouteTables } from '../../patterns/network/transit-gateway';
import { EstateConfig } from '../../config/schema/estate-schema';
import { LaneInputs } from '../../planners/hub/hub-stack-inputs';
import { LaneStackPlan } from '../../planners/hub/lane-stacks';
import { laneAttachmentName, laneFirewallName, routeTableName } from '../../planners/hub/network-names';
import { logBucketArn, logBucketName } from '../../planners/naming';
import { laneAttachmentKey } from '../../planners/segmentation/attachments';
import { LOOKUP_MAX_KEYS } from '../../planners/shards';
import { EstateStack } from '../estate-stack';
import { HubReferences, publishHubOutputs } from './hub-references';
import { networkStackProps } from './network-stack-props';

export interface NetworkLaneStackProps {
  readonly estate: EstateConfig;
  /** This lane's slice of the plan: all the stack reads of it. */
  readonly inputs: LaneInputs;
  /** Core-Network's values, read by name (same account and region). */
  readonly hub: HubReferences;
}

/**
 * Core-Network-Lane-NN (docs/adr/0024-hub-lanes.md): one more inspection and egress path. Its
 * inspection VPC with its own Network Firewall (the estate's one policy), its egress VPC with a
 * NAT gateway per AZ, their appliance-mode and plain attachments, the lane's route tables and
 * their routes, its Direct Connect propagations, and the reach of national services into the
 * lane (looked up by owner account at deploy time, so it deploys after their spokes). Its route
 * tables and attachments are outputs with planned names, read by the shards, returns and links.
 */
export class NetworkLaneStack extends EstateStack {
  readonly plan: LaneStackPlan;

  constructor(scope: Construct, id: string, props: NetworkLaneStackProps) {
    const { estate, inputs, hub } = props;
    const { lane } = inputs;
    super(
      scope,
      id,
      networkStackProps(
        estate,
        `NHS national cloud: hub lane ${lane.lane} (inspection, egress and their routes)`,
      ),
    );
    this.plan = lane;
    const transitGatewayId = hub.transitGatewayId;
    const routeTableIds = addRouteTables(this, transitGatewayId, inputs.tables, (t) =>
      routeTableName(estate, t.segment, t.lane),
    );
    const inspection = new InspectionVpc(this, 'Inspection', {
      lane: lane.lane,
      attachmentName: laneAttachmentName('inspection', lane.lane),
      subnets: lane.subnets.inspection,
      transitGatewayId,
      firewallName: laneFirewallName(estate, lane.lane),
      firewallPolicyArn: hub.firewallPolicyArn,
      firewallLogBucketName: logBucketName(estate, 'network-firewall'),
      flowLogBucketArn: logBucketArn(estate, 'vpc-flow-logs'),
      lookupServiceToken: hub.lookupFunctionArn,
    });
    const egress = new EgressVpc(this, 'Egress', {
      lane: lane.lane,
      attachmentName: laneAttachmentName('egress', lane.lane),
      subnets: lane.subnets.egress,
      transitGatewayId,
      returnRanges: inputs.homeNet,
      flowLogBucketArn: logBucketArn(estate, 'vpc-flow-logs'),
    });
    const own = {
      [laneAttachmentKey('inspection', lane.lane)]: inspection.attachment.attachmentId,
      [laneAttachmentKey('egress', lane.lane)]: egress.attachment.attachmentId,
    };
    const attachmentIds: Record<string, string> = { ...hub.attachmentIds, ...own };
    chunk(inputs.lookups, LOOKUP_MAX_KEYS).forEach((lookups, i) => {
      const found = new NetworkLookup(this, `NationalServices${i + 1}`, {
        serviceToken: hub.lookupFunctionArn,
        transitGatewayId,
        attachments: Object.fromEntries(
          lookups.map((l) => [l.key, { type: 'vpc' as const, owner: l.owner }]),
        ),
        revision: lookups.map((l) => l.cidr).join(','),
      });
      for (const l of lookups) attachmentIds[l.key] = found.attachmentId(l.key);
    });
    new SegmentRouting(this, 'Segments', {
      routeTableId: lookupOf({ ...hub.routeTableIds, ...routeTableIds }, 'route table'),
      associations: inputs.associations,
      propagations: inputs.propagations,
      routes: inputs.routes,
      attachmentId: lookupOf(attachmentIds, 'attachment'),
    });
    publishHubOutputs(this, inputs.outputs, { routeTableIds, attachmentIds: own });
  }
}
