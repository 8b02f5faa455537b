import { Construct } from 'constructs';
import { EgressVpc } from '../../patterns/network/egress-vpc';
import { InspectionVpc } from '../../patterns/network/inspection-vpc';
import { chunk } from '../../planners/segmentation/cidr-sets';
import { NetworkLookup } from '../../patterns/network/network-lookup';
import { lookupOf, SegmentRouting } from '../../patterns/network/segment-routing';
import { addRouteTables } from '../../patterns/network/transit-gateway';
import { EstateModel } from '../../config/model';
import { LaneStackPlan } from '../../planners/hub/lane-stacks';
import { laneAttachmentName, laneFirewallName, routeTableName } from '../../planners/hub/network-names';
import { NetworkPlan } from '../../planners/hub/network-plan';
import { logBucketArn, logBucketName } from '../../planners/naming';
import { laneAttachmentKey } from '../../planners/segmentation/attachments';
import { LOOKUP_MAX_KEYS } from '../../planners/shards';
import { EstateStack } from '../estate-stack';
import { HubNetwork, homedIn } from './network-hub-stack';
import { networkStackProps } from './network-stack-props';

export interface NetworkLaneStackProps {
  readonly model: EstateModel;
  readonly plan: NetworkPlan;
  /** This lane's slice of the plan. */
  readonly lane: LaneStackPlan;
  /** From Core-Network (same account and region). */
  readonly hub: HubNetwork;
}

/** What the shards, returns and links stacks reference in a lane stack. */
export interface LaneNetwork {
  /** The lane's route tables, by table key. */
  readonly routeTableIds: Readonly<Record<string, string>>;
  /** The lane's inspection and egress attachments, by plan key. */
  readonly attachmentIds: Readonly<Record<string, string>>;
}

/**
 * Core-Network-Lane-NN (docs/adr/0024-hub-lanes.md): one more inspection and egress path. Its
 * inspection VPC with its own Network Firewall (the estate's one policy), its egress VPC with a
 * NAT gateway per AZ, their appliance-mode and plain attachments, the lane's route tables and
 * their routes, its Direct Connect propagations, and the reach of national services into the
 * lane (looked up by owner account at deploy time, so it deploys after their spokes).
 */
export class NetworkLaneStack extends EstateStack {
  readonly lane: LaneNetwork;
  readonly plan: LaneStackPlan;

  constructor(scope: Construct, id: string, props: NetworkLaneStackProps) {
    const { model, plan, lane, hub } = props;
    const { estate } = model;
    super(
      scope,
      id,
      networkStackProps(
        estate,
        `NHS national cloud: hub lane ${lane.lane} (inspection, egress and their routes)`,
      ),
    );
    this.plan = lane;
    const transitGatewayId = hub.transitGateway.transitGatewayId;
    const routeTableIds = addRouteTables(
      this,
      transitGatewayId,
      plan.segmentation.tables.filter((t) => t.lane === lane.lane),
      (t) => routeTableName(estate, t.segment, t.lane),
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
      returnRanges: plan.segmentation.firewall.homeNet,
      flowLogBucketArn: logBucketArn(estate, 'vpc-flow-logs'),
    });
    const attachmentIds: Record<string, string> = {
      ...hub.attachmentIds,
      [laneAttachmentKey('inspection', lane.lane)]: inspection.attachment.attachmentId,
      [laneAttachmentKey('egress', lane.lane)]: egress.attachment.attachmentId,
    };
    const spokes = new Map(
      plan.segmentation.attachments.flatMap((a) => (a.source.kind === 'spoke' ? [[a.key, a.source]] : [])),
    );
    chunk(lane.lookups, LOOKUP_MAX_KEYS).forEach((keys, i) => {
      const found = new NetworkLookup(this, `NationalServices${i + 1}`, {
        serviceToken: hub.lookupFunctionArn,
        transitGatewayId,
        attachments: Object.fromEntries(
          keys.map((k) => [k, { type: 'vpc' as const, owner: spokes.get(k)!.accountId }]),
        ),
        revision: keys.map((k) => spokes.get(k)!.cidr).join(','),
      });
      for (const k of keys) attachmentIds[k] = found.attachmentId(k);
    });
    const mine = <T extends { home: Parameters<typeof homedIn>[0] }>(items: readonly T[]) =>
      items.filter((i) => homedIn(i.home, 'lane', lane.lane));
    new SegmentRouting(this, 'Segments', {
      routeTableId: lookupOf({ ...hub.routeTableIds, ...routeTableIds }, 'route table'),
      associations: mine(plan.segmentation.associations),
      propagations: mine(plan.segmentation.propagations),
      routes: mine(plan.segmentation.routes),
      attachmentId: lookupOf(attachmentIds, 'attachment'),
    });
    this.lane = {
      routeTableIds,
      attachmentIds: {
        [laneAttachmentKey('inspection', lane.lane)]: inspection.attachment.attachmentId,
        [laneAttachmentKey('egress', lane.lane)]: egress.attachment.attachmentId,
      },
    };
  }
}
