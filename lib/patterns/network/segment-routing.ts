import { aws_ec2 as ec2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { BindingPlan, StaticRoutePlan } from '../../planners/segmentation/types';
import { cidrId, pascal } from './names';

export interface SegmentRoutingProps {
  /** Resolves a table key of the plan (`tenants-prod`, `tenants-prod@2`) to its route table ID. */
  readonly routeTableId: (table: string) => string;
  /** The slice of the plan this stack owns. */
  readonly associations: readonly BindingPlan[];
  readonly propagations: readonly BindingPlan[];
  readonly routes: readonly StaticRoutePlan[];
  /** Resolves an attachment key of the plan to its ID (a resource in this stack or a lookup). */
  readonly attachmentId: (key: string) => string;
}

/**
 * Renders a slice of the segmentation plan: associations and propagations of attachments, and
 * static routes (to an attachment, or a blackhole). No decisions are made here. Construct IDs
 * come from the plan's keys, so lane 1's are the single-lane hub's.
 */
export class SegmentRouting extends Construct {
  constructor(scope: Construct, id: string, props: SegmentRoutingProps) {
    super(scope, id);
    for (const association of props.associations) {
      new ec2.CfnTransitGatewayRouteTableAssociation(this, `${association.attachment}Association`, {
        transitGatewayAttachmentId: props.attachmentId(association.attachment),
        transitGatewayRouteTableId: props.routeTableId(association.table),
      });
    }
    for (const propagation of props.propagations) {
      new ec2.CfnTransitGatewayRouteTablePropagation(
        this,
        `${propagation.attachment}To${pascal(propagation.table)}`,
        {
          transitGatewayAttachmentId: props.attachmentId(propagation.attachment),
          transitGatewayRouteTableId: props.routeTableId(propagation.table),
        },
      );
    }
    for (const route of props.routes) {
      const blackhole = route.target === 'blackhole';
      const kind = blackhole ? 'Blackhole' : 'Route';
      new ec2.CfnTransitGatewayRoute(this, `${kind}${pascal(route.segment)}${cidrId(route.destination)}`, {
        transitGatewayRouteTableId: props.routeTableId(route.segment),
        destinationCidrBlock: route.destination,
        ...(route.target === 'blackhole'
          ? { blackhole: true }
          : { transitGatewayAttachmentId: props.attachmentId(route.target.attachment) }),
      });
    }
  }
}

/** A lookup of IDs by key that fails loudly, naming what it lacks. */
export function lookupOf(ids: Readonly<Record<string, string>>, what: string): (key: string) => string {
  return (key) => {
    const id = ids[key];
    if (!id) throw new Error(`no ${what} ${key} here`);
    return id;
  };
}
