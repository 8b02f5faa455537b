import { aws_ec2 as ec2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { cidrId } from './names';

export interface VpcAttachmentProps {
  readonly transitGatewayId: string;
  readonly vpc: ec2.IVpc;
  /** One subnet per AZ for the attachment's network interfaces. */
  readonly subnets: readonly ec2.ISubnet[];
  /**
   * Keep both directions of a flow in one AZ: needed where a stateful appliance (the
   * firewall) sits behind the attachment. @default false
   */
  readonly applianceMode?: boolean;
  /** Name tag. */
  readonly name: string;
}

/** A VPC's Transit Gateway attachment, plus routes from its subnets to the gateway. */
export class VpcAttachment extends Construct {
  readonly resource: ec2.CfnTransitGatewayVpcAttachment;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: VpcAttachmentProps,
  ) {
    super(scope, id);
    this.resource = new ec2.CfnTransitGatewayVpcAttachment(this, 'Resource', {
      transitGatewayId: props.transitGatewayId,
      vpcId: props.vpc.vpcId,
      subnetIds: props.subnets.map((s) => s.subnetId),
      options: {
        ApplianceModeSupport: props.applianceMode ? 'enable' : 'disable',
        DnsSupport: 'enable',
        Ipv6Support: 'disable',
      },
      tags: [{ key: 'Name', value: props.name }],
    });
  }

  get attachmentId(): string {
    return this.resource.ref;
  }

  /**
   * Sends `destinations` from each subnet's route table to the Transit Gateway. The routes
   * wait for the attachment: a route to a gateway the VPC is not attached to is rejected.
   */
  routeFrom(subnets: readonly ec2.ISubnet[], destinations: readonly string[], idPrefix: string): void {
    subnets.forEach((subnet, i) => {
      for (const destination of destinations) {
        const route = new ec2.CfnRoute(this, `${idPrefix}${i + 1}To${cidrId(destination)}`, {
          routeTableId: subnet.routeTable.routeTableId,
          destinationCidrBlock: destination,
          transitGatewayId: this.props.transitGatewayId,
        });
        route.addResourceDependency(this.resource);
      }
    });
  }
}
