import type { Resolver, ResourceRecord } from './resolver';
import { Unresolvable } from './unresolvable';

/** Attributes that are a copy of one of the resource's own properties. */
const FROM_PROPERTY: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'AWS::EC2::VPC': { CidrBlock: 'CidrBlock' },
  'AWS::EC2::Subnet': {
    AvailabilityZone: 'AvailabilityZone',
    AvailabilityZoneId: 'AvailabilityZoneId',
    CidrBlock: 'CidrBlock',
    VpcId: 'VpcId',
  },
  'AWS::SSM::Parameter': { Value: 'Value', Type: 'Type' },
  'AWS::EC2::SecurityGroup': { VpcId: 'VpcId' },
  'AWS::EC2::TransitGatewayAttachment': { TransitGatewayId: 'TransitGatewayId' },
  'AWS::EC2::TransitGatewayVpcAttachment': { TransitGatewayId: 'TransitGatewayId' },
};

/** Attributes that name another resource owned by this one (stand-in IDs with a suffix). */
const OWNED = new Set(['DefaultNetworkAcl', 'DefaultSecurityGroup', 'MainRouteTableId']);

/**
 * Fn::GetAtt on a resource from the template: property copies, ID and ARN attributes (the
 * resource's stand-in ID), and a Network Firewall's `EndpointIds` as "az:endpoint" strings,
 * one per subnet mapping, so `Fn::Split ":"` and `Fn::Select` work on them as in AWS.
 */
export function attributeOf(
  resolver: Resolver,
  record: ResourceRecord,
  attribute: string,
  depth: number,
): unknown {
  const property = FROM_PROPERTY[record.type]?.[attribute];
  if (property) return resolver.resolve(record.stack, record.raw.Properties?.[property], depth);
  if (record.type === 'AWS::NetworkFirewall::Firewall' && attribute === 'EndpointIds') {
    return firewallEndpointIds(resolver, record).map((e) => `${e.az}:${e.id}`);
  }
  if (OWNED.has(attribute)) return `${record.physicalId}#${attribute}`;
  if (attribute.endsWith('Id') || attribute.endsWith('Arn') || attribute === 'Arn') return record.physicalId;
  throw new Unresolvable(`${record.stack.id}/${record.logicalId}.${attribute} is only known at deploy`);
}

/** The firewall's endpoints: one per subnet mapping, in the subnet's zone (its ID, when placed by ID). */
export function firewallEndpointIds(
  resolver: Resolver,
  firewall: ResourceRecord,
): { az: string; id: string; subnetId: string }[] {
  const mappings = resolver.prop(firewall, 'SubnetMappings');
  if (!Array.isArray(mappings)) return [];
  return mappings.map((mapping) => {
    const subnetId = String((mapping as { SubnetId?: unknown }).SubnetId);
    const subnet = resolver.record(subnetId);
    if (!subnet)
      throw new Unresolvable(`firewall ${firewall.logicalId}: subnet ${subnetId} is not in the assembly`);
    const az = String(
      resolver.prop(subnet, 'AvailabilityZoneId') ?? resolver.prop(subnet, 'AvailabilityZone'),
    );
    return { az, id: `${firewall.physicalId}#${az}`, subnetId };
  });
}
