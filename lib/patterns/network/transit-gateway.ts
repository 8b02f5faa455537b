import { aws_ec2 as ec2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { RouteTablePlan } from '../../planners/segmentation/types';
import { pascal } from './names';

export interface TransitGatewayProps {
  readonly amazonSideAsn: number;
  /** Lane 1's route tables (every segment, the shared ones included). */
  readonly tables: readonly RouteTablePlan[];
  /** The gateway's Name tag. */
  readonly name: string;
  /** A route table's Name tag. */
  readonly routeTableName: (table: RouteTablePlan) => string;
}

/**
 * The hub's Transit Gateway with lane 1's route tables (docs/adr/0024-hub-lanes.md). Default
 * association and propagation are off, so a new attachment reaches nothing until the
 * segmentation plan associates it; that is also why auto-accepting shared attachments is safe.
 * ECMP across VPN tunnels is on (every tunnel runs BGP); DNS support lets spokes resolve across it.
 */
export class TransitGateway extends Construct {
  readonly resource: ec2.CfnTransitGateway;
  /** Route table IDs by table key. */
  readonly routeTableIds: Readonly<Record<string, string>>;

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
    this.routeTableIds = addRouteTables(this, this.resource.ref, props.tables, props.routeTableName);
  }

  get transitGatewayId(): string {
    return this.resource.ref;
  }
}

/**
 * One route table per planned table, tagged with its segment and lane so the proofs can read
 * where each attachment is meant to be (`nhs-cloud:segment`, `nhs-cloud:lane`; the shared
 * tables carry no lane).
 */
export function addRouteTables(
  scope: Construct,
  transitGatewayId: string,
  tables: readonly RouteTablePlan[],
  name: (table: RouteTablePlan) => string,
): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const table of tables) {
    const shared = table.segment === 'shared-services' || table.segment === 'on-premises';
    const resource = new ec2.CfnTransitGatewayRouteTable(scope, `${pascal(table.key)}RouteTable`, {
      transitGatewayId,
      tags: [
        { key: 'Name', value: name(table) },
        { key: 'nhs-cloud:segment', value: table.segment },
        ...(shared ? [] : [{ key: 'nhs-cloud:lane', value: String(table.lane) }]),
      ],
    });
    ids[table.key] = resource.ref;
  }
  return ids;
}
