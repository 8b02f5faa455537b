import { aws_ec2 as ec2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { HubSubnetPlan } from '../../planners/hub/hub-subnets';
import { addCentralFlowLog } from './central-flow-log';
import { PlannedHubIpAddresses } from './planned-hub-ip-addresses';
import { VpcAttachment } from './vpc-attachment';
import { HUB_ATTACHMENT_NAMES } from '../../planners/naming';
import { placeSubnetsByZoneId } from './zone-ids';

export interface SharedServicesVpcProps {
  /** `resolver`, `endpoints` and `transit` subnets per AZ (from `planHubSubnets`). */
  readonly subnets: HubSubnetPlan;
  readonly transitGatewayId: string;
  readonly flowLogBucketArn: string;
}

/** The shared-services VPC: resolvers and interface endpoints, reached only through the hub. */
export class SharedServicesVpc extends Construct {
  readonly vpc: ec2.Vpc;
  readonly attachment: VpcAttachment;

  constructor(scope: Construct, id: string, props: SharedServicesVpcProps) {
    super(scope, id);
    this.vpc = new ec2.Vpc(this, 'Resource', {
      ipAddresses: new PlannedHubIpAddresses(props.subnets),
      availabilityZones: [...props.subnets.availabilityZones],
      natGateways: 0,
      createInternetGateway: false,
      restrictDefaultSecurityGroup: true,
      subnetConfiguration: ['resolver', 'endpoints', 'transit'].map((name) => ({
        name,
        subnetType: ec2.SubnetType.PRIVATE_ISOLATED,
      })),
    });
    placeSubnetsByZoneId(this.vpc);
    addCentralFlowLog(this, this.vpc, props.flowLogBucketArn);
    this.attachment = new VpcAttachment(this, 'Attachment', {
      transitGatewayId: props.transitGatewayId,
      vpc: this.vpc,
      subnets: this.subnets('transit'),
      name: HUB_ATTACHMENT_NAMES['shared-services'],
    });
    this.attachment.routeFrom(this.vpc.isolatedSubnets, ['0.0.0.0/0'], 'Subnet');
  }

  subnets(group: 'resolver' | 'endpoints' | 'transit'): ec2.ISubnet[] {
    return this.vpc.selectSubnets({ subnetGroupName: group }).subnets;
  }
}
