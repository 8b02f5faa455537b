import { aws_ec2 as ec2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { SegmentName } from '../../config/schema/segmentation-schema';
import { pascal } from './names';

export interface TransitGatewayProps {
  readonly amazonSideAsn: number;
  /** One route table per segment. */
  readonly segments: readonly SegmentName[];
  /** The gateway's Name tag. */
  readonly name: string;
  /** A segment's route table Name tag. */
  readonly routeTableName: (segment: SegmentName) => string;
}

/**
 * The hub's Transit Gateway with one route table per segment. Default association and
 * propagation are off, so a new attachment reaches nothing until the segmentation plan
 * associates it; that is also why auto-accepting shared attachments is safe. ECMP across VPN
 * tunnels is on (every tunnel runs BGP); DNS support lets spokes resolve across it.
 */
export class TransitGateway extends Construct {
  readonly resource: ec2.CfnTransitGateway;
  readonly routeTableIds: Readonly<Record<SegmentName, string>>;

  constructor(scope: Construct, id: string, props: TransitGatewayProps) {
    super(scope, id);
    this.resource = new ec2.CfnTransitGateway(this, 'Resource', {
      amazonSideAsn: props.amazonSideAsn,
      description: 'NHS national cloud hub: segments by route table, all inter-segment traffic inspected',
      autoAcceptSharedAttachments: 'enable',
      defaultRouteTableAssociation: 'disable',
      defaultRouteTablePropagation: 'disable',
      dnsSupport: 'enable',
      vpnEcmpSupport: 'enable',
      multicastSupport: 'disable',
      tags: [{ key: 'Name', value: props.name }],
    });
    const tables: Partial<Record<SegmentName, string>> = {};
    for (const segment of props.segments) {
      const table = new ec2.CfnTransitGatewayRouteTable(this, `${pascal(segment)}RouteTable`, {
        transitGatewayId: this.resource.ref,
        tags: [
          { key: 'Name', value: props.routeTableName(segment) },
          { key: 'nhs-cloud:segment', value: segment },
        ],
      });
      tables[segment] = table.ref;
    }
    this.routeTableIds = tables as Record<SegmentName, string>;
  }

  get transitGatewayId(): string {
    return this.resource.ref;
  }
}
