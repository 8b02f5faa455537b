import { ResourceRecord } from '../assembly/resolver';
import { Unresolvable } from '../assembly/unresolvable';
import { BuildContext } from './context';
import { located } from './labels';
import { routeTableOf } from './vpcs';
import { VpcTarget } from './types';

/** Route properties that name a target the model does not follow past. */
const OPAQUE_TARGETS = [
  'NetworkInterfaceId',
  'InstanceId',
  'CarrierGatewayId',
  'LocalGatewayId',
  'CoreNetworkArn',
];

/**
 * VPC routes (AWS::EC2::Route) with their targets joined to the model. A customer-managed
 * prefix list expands to one route per entry. A target whose ID is not in the assembly stays
 * in the model as `unresolved`, so traffic sent to it is reported rather than assumed dropped.
 */
export function addVpcRoutes(ctx: BuildContext): void {
  for (const record of ctx.resources('AWS::EC2::Route')) {
    ctx.attempt(record, () => {
      const table = routeTableOf(ctx, ctx.text(record, 'RouteTableId'));
      const destinations = destinationsOf(ctx, record);
      const target = targetOf(ctx, record);
      const origin = located(record).label;
      for (const destination of destinations) {
        if (table.routes.some((r) => r.destination === destination)) {
          throw new Unresolvable(
            `${table.label} already has a route to ${destination}; this one would fail to deploy`,
          );
        }
        table.routes.push({ destination, target, origin });
      }
    });
  }
}

function destinationsOf(ctx: BuildContext, record: ResourceRecord): string[] {
  const cidr = ctx.text(record, 'DestinationCidrBlock');
  if (cidr) return [cidr];
  const listId = ctx.text(record, 'DestinationPrefixListId');
  if (listId) {
    const list = ctx.resolver.record(listId);
    if (!list || list.type !== 'AWS::EC2::PrefixList')
      throw new Unresolvable(`prefix list ${listId} is not in the assembly`);
    return ((ctx.prop(list, 'Entries') ?? []) as { Cidr: string }[]).map((e) => e.Cidr);
  }
  return []; // IPv6 only
}

function targetOf(ctx: BuildContext, record: ResourceRecord): VpcTarget {
  const gatewayId = ctx.text(record, 'GatewayId');
  if (gatewayId === 'local') return { kind: 'local' };
  if (gatewayId) {
    const gateway = ctx.internetGateways.get(gatewayId);
    if (gateway) return { kind: 'internet-gateway', gateway };
    return unresolved(ctx, gatewayId, 'gateway');
  }
  const natId = ctx.text(record, 'NatGatewayId');
  if (natId) {
    const nat = ctx.natGateways.get(natId);
    return nat ? { kind: 'nat-gateway', nat } : unresolved(ctx, natId, 'NAT gateway');
  }
  const tgwId = ctx.text(record, 'TransitGatewayId');
  if (tgwId) {
    const tgw = ctx.transitGateways.get(tgwId);
    return tgw ? { kind: 'transit-gateway', tgw } : unresolved(ctx, tgwId, 'transit gateway');
  }
  const peeringId = ctx.text(record, 'VpcPeeringConnectionId');
  if (peeringId) {
    const peering = ctx.peerings.get(peeringId);
    return peering ? { kind: 'peering', peering } : unresolved(ctx, peeringId, 'peering connection');
  }
  const endpointId = ctx.text(record, 'VpcEndpointId');
  if (endpointId) {
    const endpoint = ctx.firewallEndpoints.get(endpointId);
    if (endpoint) return { kind: 'firewall', endpoint };
    const other = ctx.resolver.record(endpointId);
    return other
      ? { kind: 'opaque', label: located(other).label }
      : unresolved(ctx, endpointId, 'VPC endpoint');
  }
  for (const property of OPAQUE_TARGETS) {
    const id = ctx.text(record, property);
    if (id) return { kind: 'opaque', label: `${property} ${id}` };
  }
  throw new Unresolvable('the route names no target');
}

function unresolved(ctx: BuildContext, id: string, what: string): VpcTarget {
  const record = ctx.resolver.record(id);
  const name = record ? located(record).label : id;
  return { kind: 'unresolved', reason: `${what} ${name} is not in the modelled network` };
}
