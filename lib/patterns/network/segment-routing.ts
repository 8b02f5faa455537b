import { aws_ec2 as ec2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { SegmentName } from '../../config/schema/segmentation-schema';
import { AttachmentPlan, StaticRoutePlan } from '../../planners/segmentation/types';
import { cidrId, pascal } from './names';

export interface SegmentRoutingProps {
  /** Route table ID of every segment. */
  readonly routeTableIds: Readonly<Record<SegmentName, string>>;
  /** The slice of the plan this stack owns. */
  readonly attachments: readonly AttachmentPlan[];
  readonly routes: readonly StaticRoutePlan[];
  /** Resolves an attachment key of the plan to its ID (a resource in this stack or a lookup). */
  readonly attachmentId: (key: string) => string;
}

/**
 * Renders a slice of the segmentation plan: each attachment's association and propagations,
 * and each static route (to an attachment, or a blackhole). No decisions are made here.
 */
export class SegmentRouting extends Construct {
  constructor(scope: Construct, id: string, props: SegmentRoutingProps) {
    super(scope, id);
    for (const attachment of props.attachments) {
      const attachmentId = props.attachmentId(attachment.key);
      new ec2.CfnTransitGatewayRouteTableAssociation(this, `${attachment.key}Association`, {
        transitGatewayAttachmentId: attachmentId,
        transitGatewayRouteTableId: props.routeTableIds[attachment.associateWith],
      });
      for (const segment of attachment.propagateTo) {
        new ec2.CfnTransitGatewayRouteTablePropagation(this, `${attachment.key}To${pascal(segment)}`, {
          transitGatewayAttachmentId: attachmentId,
          transitGatewayRouteTableId: props.routeTableIds[segment],
        });
      }
    }
    for (const route of props.routes) {
      const blackhole = route.target === 'blackhole';
      const kind = blackhole ? 'Blackhole' : 'Route';
      new ec2.CfnTransitGatewayRoute(this, `${kind}${pascal(route.segment)}${cidrId(route.destination)}`, {
        transitGatewayRouteTableId: props.routeTableIds[route.segment],
        destinationCidrBlock: route.destination,
        ...(route.target === 'blackhole'
          ? { blackhole: true }
          : { transitGatewayAttachmentId: props.attachmentId(route.target.attachment) }),
      });
    }
  }
}
