import { aws_ec2 as ec2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { HubSubnetPlan } from '../../planners/hub/hub-subnets';
import { addCentralFlowLog } from './central-flow-log';
import { PlannedHubIpAddresses } from './planned-hub-ip-addresses';
import { laneTags } from './inspection-vpc';
import { VpcAttachment } from './vpc-attachment';
import { HUB_ATTACHMENT_NAMES } from '../../planners/naming';
import { placeSubnetsByZoneId } from './zone-ids';

export interface EgressVpcProps {
  /** `public` and `transit` subnets per AZ (from `planHubSubnets`). */
  readonly subnets: HubSubnetPlan;
  readonly transitGatewayId: string;
  /** Private ranges whose replies go back to the Transit Gateway (the firewall's $HOME_NET). */
  readonly returnRanges: readonly string[];
  readonly flowLogBucketArn: string;
  /** The lane it serves (docs/adr/0024-hub-lanes.md). @default 1 */
  readonly lane?: number;
  /** The attachment's Name tag. @default 'egress' */
  readonly attachmentName?: string;
}

/**
 * The estate's only way out to the internet: a NAT gateway per AZ and the estate's only
 * internet gateway. Traffic arrives already inspected; replies go back to the Transit Gateway,
 * whose shared-services route table sends them through inspection again.
 *
 *   TGW -> transit subnet --0.0.0.0/0--> NAT (same AZ) -> public subnet -> IGW
 *   replies: public subnet --private ranges--> TGW
 */
export class EgressVpc extends Construct {
  readonly vpc: ec2.Vpc;
  readonly attachment: VpcAttachment;

  constructor(scope: Construct, id: string, props: EgressVpcProps) {
    super(scope, id);
    const zones = [...props.subnets.availabilityZones];
    this.vpc = new ec2.Vpc(this, 'Resource', {
      ipAddresses: new PlannedHubIpAddresses(props.subnets),
      availabilityZones: zones,
      natGateways: zones.length,
      natGatewaySubnets: { subnetGroupName: 'public' },
      restrictDefaultSecurityGroup: true,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, mapPublicIpOnLaunch: false },
        { name: 'transit', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      ],
    });
    placeSubnetsByZoneId(this.vpc);
    addCentralFlowLog(this, this.vpc, props.flowLogBucketArn);
    this.attachment = new VpcAttachment(this, 'Attachment', {
      transitGatewayId: props.transitGatewayId,
      vpc: this.vpc,
      subnets: this.vpc.selectSubnets({ subnetGroupName: 'transit' }).subnets,
      name: props.attachmentName ?? HUB_ATTACHMENT_NAMES.egress,
    });
    laneTags(this.vpc, props.lane ?? 1, 'egress');
    this.attachment.routeFrom(this.vpc.publicSubnets, props.returnRanges, 'Public');
  }
}
