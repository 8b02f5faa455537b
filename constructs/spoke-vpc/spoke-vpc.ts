import { aws_ec2 as ec2, aws_s3 as s3 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { SpokeSubnetPlan } from '../../lib/planners/spoke-subnets';
import { VpcAttachment } from '../network/vpc-attachment';
import { PlannedIpAddresses, TRANSIT_SUBNETS, WORKLOAD_SUBNETS } from './planned-ip-addresses';

export interface SpokeVpcProps {
  /** The planned CIDRs and zones (from `planSpokeSubnets`). */
  readonly plan: SpokeSubnetPlan;
  /** ARN of the central flow-log bucket in the log-archive account. */
  readonly flowLogBucketArn: string;
  /**
   * Close the default security group with the CDK's per-VPC custom resource (a Lambda function
   * and role in this stack). Tenant stacks turn it off and pass `defaultSecurityGroupId` to
   * the account baseline, whose handler closes it instead.
   * @default true
   */
  readonly restrictDefaultSecurityGroup?: boolean;
}

export interface TransitGatewayLinkOptions {
  /** The hub's Transit Gateway (shared with the organization through RAM). */
  readonly transitGatewayId: string;
  /** Name tag of the attachment, e.g. `RGR-prod`. */
  readonly name: string;
}

/** Everything that is not local leaves the spoke through the Transit Gateway. */
export const SPOKE_DEFAULT_ROUTE = '0.0.0.0/0';

/**
 * A tenant environment's spoke VPC: private subnets only, no internet gateway or NAT, flow
 * logs to the central log archive, and the default security group stripped of its rules (here,
 * or by the account baseline when `restrictDefaultSecurityGroup` is false).
 * Internet and cross-tenant traffic leave only through the Transit Gateway and inspection.
 */
export class SpokeVpc extends Construct {
  readonly vpc: ec2.Vpc;

  constructor(scope: Construct, id: string, props: SpokeVpcProps) {
    super(scope, id);
    const zones = props.plan.workload.map((s) => s.availabilityZone);
    this.vpc = new ec2.Vpc(this, 'Resource', {
      ipAddresses: new PlannedIpAddresses(props.plan),
      availabilityZones: zones,
      natGateways: 0,
      createInternetGateway: false,
      restrictDefaultSecurityGroup: props.restrictDefaultSecurityGroup ?? true,
      subnetConfiguration: [
        { name: WORKLOAD_SUBNETS, subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
        { name: TRANSIT_SUBNETS, subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      ],
    });
    const bucket = s3.Bucket.fromBucketArn(this, 'FlowLogBucket', props.flowLogBucketArn);
    this.vpc.addFlowLog('FlowLog', {
      destination: ec2.FlowLogDestination.toS3(bucket, undefined, {
        fileFormat: ec2.FlowLogFileFormat.PARQUET,
        hiveCompatiblePartitions: true,
        perHourPartition: true,
      }),
      trafficType: ec2.FlowLogTrafficType.ALL,
    });
  }

  /**
   * Attaches the VPC to the hub with its transit subnets (one per AZ) and points every
   * subnet's default route at the Transit Gateway. The hub decides what the attachment can
   * reach (its association and propagation in the segmentation plan).
   */
  attachToTransitGateway(options: TransitGatewayLinkOptions): VpcAttachment {
    const attachment = new VpcAttachment(this, 'TransitGatewayAttachment', {
      transitGatewayId: options.transitGatewayId,
      vpc: this.vpc,
      subnets: this.transitSubnets,
      name: options.name,
    });
    attachment.routeFrom(this.workloadSubnets, [SPOKE_DEFAULT_ROUTE], 'Workload');
    attachment.routeFrom(this.transitSubnets, [SPOKE_DEFAULT_ROUTE], 'Transit');
    return attachment;
  }

  /** The VPC's default security group, for whatever closes it. */
  get defaultSecurityGroupId(): string {
    return this.vpc.vpcDefaultSecurityGroup;
  }

  get workloadSubnets(): ec2.ISubnet[] {
    return this.vpc.selectSubnets({ subnetGroupName: WORKLOAD_SUBNETS }).subnets;
  }

  get transitSubnets(): ec2.ISubnet[] {
    return this.vpc.selectSubnets({ subnetGroupName: TRANSIT_SUBNETS }).subnets;
  }
}
