import { aws_ec2 as ec2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { PlannedSubnet, SpokeSubnetPlan } from '../../planners/spoke-subnets';
import { AttachableSubnet, VpcAttachment } from '../network/vpc-attachment';

export interface SpokeVpcProps {
  /** The planned CIDRs and zones (from `planSpokeSubnets`). */
  readonly plan: SpokeSubnetPlan;
  /** ARN of the central flow-log bucket in the log-archive account. */
  readonly flowLogBucketArn: string;
}

export interface TransitGatewayLinkOptions {
  /** The hub's Transit Gateway (shared with the organization through RAM). */
  readonly transitGatewayId: string;
  /** Name tag of the attachment, e.g. `RGR-prod`. */
  readonly name: string;
}

/** Everything that is not local leaves the spoke through the Transit Gateway. */
export const SPOKE_DEFAULT_ROUTE = '0.0.0.0/0';

/** The spoke's two tiers of subnets; also their construct IDs. */
export const WORKLOAD_SUBNETS = 'workload';
export const TRANSIT_SUBNETS = 'transit';
type Tier = typeof WORKLOAD_SUBNETS | typeof TRANSIT_SUBNETS;

/** A subnet of the spoke, with the route table it shares with its tier. */
export interface SpokeSubnet extends AttachableSubnet {
  readonly availabilityZone: string;
  readonly cidr: string;
}

/**
 * A tenant environment's spoke VPC: private subnets only (one workload and one transit subnet
 * per AZ, exactly as planned), no internet gateway or NAT, flow logs to the central log
 * archive. Internet and cross-tenant traffic leave only through the Transit Gateway and
 * inspection. Its default security group is closed by the account baseline (`defaultSecurityGroupId`).
 *
 * Built from CloudFormation resources rather than `ec2.Vpc`, so each tier has one route table
 * for all its zones: every route is the same in every zone (everything to the gateway), and a
 * tenant stack is repeated two thousand times at national scale (docs/adr/0018-lean-spoke-vpc.md).
 */
export class SpokeVpc extends Construct {
  readonly resource: ec2.CfnVPC;
  readonly vpcId: string;
  readonly workloadSubnets: readonly SpokeSubnet[];
  readonly transitSubnets: readonly SpokeSubnet[];

  constructor(scope: Construct, id: string, props: SpokeVpcProps) {
    super(scope, id);
    this.resource = new ec2.CfnVPC(this, 'Resource', {
      cidrBlock: props.plan.vpcCidr,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      instanceTenancy: 'default',
      tags: [{ key: 'Name', value: this.node.path }],
    });
    this.vpcId = this.resource.ref;
    this.workloadSubnets = this.tier(WORKLOAD_SUBNETS, props.plan.workload);
    this.transitSubnets = this.tier(TRANSIT_SUBNETS, props.plan.transit);
    new ec2.CfnFlowLog(this, 'FlowLog', {
      resourceId: this.vpcId,
      resourceType: 'VPC',
      trafficType: 'ALL',
      logDestinationType: 's3',
      logDestination: props.flowLogBucketArn,
      // The keys as CloudFormation's schema spells them (ec2.FlowLog renders them in camel case).
      destinationOptions: { FileFormat: 'parquet', HiveCompatiblePartitions: true, PerHourPartition: true },
      tags: [{ key: 'Name', value: `${this.node.path}/FlowLog` }],
    });
  }

  /** The VPC's default security group, for the account baseline to close. */
  get defaultSecurityGroupId(): string {
    return this.resource.attrDefaultSecurityGroup;
  }

  /**
   * Attaches the VPC to the hub with its transit subnets (one per AZ) and points each tier's
   * default route at the Transit Gateway. The hub decides what the attachment can reach (its
   * association and propagation in the segmentation plan).
   */
  attachToTransitGateway(options: TransitGatewayLinkOptions): VpcAttachment {
    const attachment = new VpcAttachment(this, 'TransitGatewayAttachment', {
      transitGatewayId: options.transitGatewayId,
      vpc: { vpcId: this.vpcId },
      subnets: this.transitSubnets,
      name: options.name,
    });
    attachment.routeFrom(this.workloadSubnets, [SPOKE_DEFAULT_ROUTE], 'Workload');
    attachment.routeFrom(this.transitSubnets, [SPOKE_DEFAULT_ROUTE], 'Transit');
    return attachment;
  }

  private tier(name: Tier, planned: readonly PlannedSubnet[]): SpokeSubnet[] {
    const routeTable = new ec2.CfnRouteTable(this, `${name}RouteTable`, {
      vpcId: this.vpcId,
      tags: [{ key: 'Name', value: `${this.node.path}/${name}` }],
    });
    const routeTableId = routeTable.ref;
    return planned.map((plan, i) => {
      const subnet = new ec2.CfnSubnet(this, `${name}Subnet${i + 1}`, {
        vpcId: this.vpcId,
        // A zone ID: the same physical zone as the hub's, whatever the account (ADR 0023).
        availabilityZoneId: plan.availabilityZone,
        cidrBlock: plan.cidr,
        mapPublicIpOnLaunch: false,
        // The tags ec2.Vpc.fromLookup groups subnets by, for tenants' own CDK apps.
        tags: [
          { key: 'Name', value: `${this.node.path}/${name}${i + 1}` },
          { key: 'aws-cdk:subnet-name', value: name },
          { key: 'aws-cdk:subnet-type', value: 'Isolated' },
        ],
      });
      new ec2.CfnSubnetRouteTableAssociation(this, `${name}Subnet${i + 1}RouteTable`, {
        subnetId: subnet.ref,
        routeTableId,
      });
      return {
        subnetId: subnet.ref,
        availabilityZone: plan.availabilityZone,
        cidr: plan.cidr,
        routeTable: { routeTableId },
      };
    });
  }
}
