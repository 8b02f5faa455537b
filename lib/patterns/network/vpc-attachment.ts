import { aws_ec2 as ec2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { cidrId } from './names';

/** What the attachment needs of a subnet; an `ec2.ISubnet` is one. */
export interface AttachableSubnet {
  readonly subnetId: string;
  readonly routeTable: { readonly routeTableId: string };
}

export interface VpcAttachmentProps {
  readonly transitGatewayId: string;
  /** The VPC (an `ec2.IVpc`, or just its ID). */
  readonly vpc: { readonly vpcId: string };
  /** One subnet per AZ for the attachment's network interfaces. */
  readonly subnets: readonly AttachableSubnet[];
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
   * Sends `destinations` from the subnets' route tables to the Transit Gateway, once per table
   * (subnets may share one). The routes wait for the attachment: a route to a gateway the VPC
   * is not attached to is rejected.
   */
  routeFrom(subnets: readonly AttachableSubnet[], destinations: readonly string[], idPrefix: string): void {
    const tables = [...new Set(subnets.map((s) => s.routeTable.routeTableId))];
    tables.forEach((routeTableId, i) => {
      for (const destination of destinations) {
        const route = new ec2.CfnRoute(this, `${idPrefix}${i + 1}To${cidrId(destination)}`, {
          routeTableId,
          destinationCidrBlock: destination,
          transitGatewayId: this.props.transitGatewayId,
        });
        route.addResourceDependency(this.resource);
      }
    });
  }
}
