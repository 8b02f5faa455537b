import { Unresolvable } from '../assembly/unresolvable';
import { fromCidr, fromCidrs, IntervalSet, range } from '../sets/interval-set';
import { PrefixMap } from '../sets/prefix-map';
import { ResourceRecord } from '../assembly/resolver';
import { BuildContext } from './context';
import { labelOf, located } from './labels';
import { Nacl, NaclEntry, RouteTable, Subnet, Vpc } from './types';

/**
 * VPCs with their subnets, route tables (explicit associations, else the main table),
 * internet and NAT gateways, network ACLs and peering connections. Routes come later, once
 * every possible target exists.
 */
export function addVpcs(ctx: BuildContext): void {
  for (const record of ctx.resources('AWS::EC2::VPC')) {
    ctx.attempt(record, () => {
      const cidr = ctx.text(record, 'CidrBlock');
      if (!cidr) throw new Unresolvable('the VPC has no IPv4 CidrBlock (IPAM pools are not modelled)');
      const base = located(record);
      const vpc: Vpc = {
        ...base,
        cidrs: [cidr],
        addresses: fromCidr(cidr),
        subnets: [],
        subnetMap: new PrefixMap([]),
        mainRouteTable: undefined as unknown as RouteTable,
        defaultNacl: {
          ...base,
          id: `${record.physicalId}#DefaultNetworkAcl`,
          label: `${base.label} default NACL`,
        },
        internetGateways: [],
        attachments: [],
        tags: tagsOf(ctx, record),
      };
      (vpc as { mainRouteTable: RouteTable }).mainRouteTable = {
        ...base,
        id: `${record.physicalId}#MainRouteTableId`,
        label: `${base.label} main route table`,
        vpc,
        routes: [{ destination: cidr, target: { kind: 'local' }, origin: 'local' }],
        edgeFor: [],
      };
      ctx.vpcs.set(vpc.id, vpc);
      ctx.nacls.set(vpc.defaultNacl.id, vpc.defaultNacl);
      ctx.model.vpcs.push(vpc);
    });
  }
  for (const record of ctx.resources('AWS::EC2::VPCCidrBlock')) {
    ctx.attempt(record, () => {
      const vpc = vpcOf(ctx, ctx.text(record, 'VpcId'));
      const cidr = ctx.text(record, 'CidrBlock');
      if (!cidr) return; // IPv6 or IPAM blocks carry no IPv4 CIDR to route
      (vpc.cidrs as string[]).push(cidr);
      (vpc as { addresses: IntervalSet }).addresses = fromCidrs(vpc.cidrs);
      vpc.mainRouteTable.routes.push({ destination: cidr, target: { kind: 'local' }, origin: 'local' });
    });
  }
  for (const record of ctx.resources('AWS::EC2::RouteTable')) {
    ctx.attempt(record, () => {
      const vpc = vpcOf(ctx, ctx.text(record, 'VpcId'));
      const table: RouteTable = {
        ...located(record),
        vpc,
        routes: vpc.cidrs.map((cidr) => ({ destination: cidr, target: { kind: 'local' }, origin: 'local' })),
        edgeFor: [],
      };
      ctx.routeTables.set(table.id, table);
    });
  }
  for (const record of ctx.resources('AWS::EC2::Subnet')) {
    ctx.attempt(record, () => {
      const vpc = vpcOf(ctx, ctx.text(record, 'VpcId'));
      const cidr = ctx.text(record, 'CidrBlock');
      // Zones compare across accounts only by ID (the estate places subnets by ID).
      const az = ctx.text(record, 'AvailabilityZoneId') ?? ctx.text(record, 'AvailabilityZone');
      if (!cidr || !az)
        throw new Unresolvable(
          'the subnet needs a literal CidrBlock and AvailabilityZoneId (or AvailabilityZone)',
        );
      const subnet: Subnet = {
        ...located(record),
        vpc,
        cidr,
        addresses: fromCidr(cidr),
        az,
        routeTable: vpc.mainRouteTable,
        nacl: vpc.defaultNacl,
      };
      vpc.subnets.push(subnet);
      ctx.subnets.set(subnet.id, subnet);
    });
  }
  for (const vpc of ctx.model.vpcs)
    vpc.subnetMap = new PrefixMap(vpc.subnets.map((s) => [s.cidr, s] as const));
  for (const record of ctx.resources('AWS::EC2::SubnetRouteTableAssociation')) {
    ctx.attempt(record, () => {
      const subnet = subnetOf(ctx, ctx.text(record, 'SubnetId'));
      subnet.routeTable = routeTableOf(ctx, ctx.text(record, 'RouteTableId'));
    });
  }
  addGateways(ctx);
  addNacls(ctx);
  addPeerings(ctx);
}

function addGateways(ctx: BuildContext): void {
  for (const record of ctx.resources('AWS::EC2::InternetGateway')) {
    ctx.internetGateways.set(record.physicalId, { ...located(record) });
  }
  for (const record of ctx.resources('AWS::EC2::VPCGatewayAttachment')) {
    ctx.attempt(record, () => {
      const gatewayId = ctx.text(record, 'InternetGatewayId');
      if (!gatewayId) return; // a virtual private gateway: not modelled
      const gateway = ctx.internetGateways.get(gatewayId);
      if (!gateway) throw new Unresolvable(`internet gateway ${gatewayId} is not in the assembly`);
      gateway.vpc = vpcOf(ctx, ctx.text(record, 'VpcId'));
      gateway.vpc.internetGateways.push(gateway);
    });
  }
  for (const record of ctx.resources('AWS::EC2::GatewayRouteTableAssociation')) {
    ctx.attempt(record, () => {
      const gateway = ctx.internetGateways.get(ctx.text(record, 'GatewayId') ?? '');
      if (!gateway) return;
      const table = routeTableOf(ctx, ctx.text(record, 'RouteTableId'));
      gateway.edgeRouteTable = table;
      table.edgeFor.push(gateway);
    });
  }
  for (const record of ctx.resources('AWS::EC2::NatGateway')) {
    ctx.attempt(record, () => {
      const subnet = subnetOf(ctx, ctx.text(record, 'SubnetId'));
      const connectivity = ctx.text(record, 'ConnectivityType') === 'private' ? 'private' : 'public';
      ctx.natGateways.set(record.physicalId, { ...located(record), subnet, connectivity });
    });
  }
}

const PROTOCOL_NUMBERS: Readonly<Record<string, number>> = { tcp: 6, udp: 17, icmp: 1, all: -1 };

function addNacls(ctx: BuildContext): void {
  for (const record of ctx.resources('AWS::EC2::NetworkAcl')) {
    ctx.attempt(record, () => {
      vpcOf(ctx, ctx.text(record, 'VpcId'));
      ctx.nacls.set(record.physicalId, { ...located(record), entries: [] });
    });
  }
  for (const record of ctx.resources('AWS::EC2::NetworkAclEntry')) {
    ctx.attempt(record, () => {
      const nacl = naclOf(ctx, ctx.text(record, 'NetworkAclId'));
      const cidr = ctx.text(record, 'CidrBlock');
      if (!cidr) return; // IPv6 entries do not affect IPv4 flows
      const protocolText = String(ctx.prop(record, 'Protocol'));
      const protocol = PROTOCOL_NUMBERS[protocolText.toLowerCase()] ?? Number(protocolText);
      const portRange = ctx.prop(record, 'PortRange') as { From?: number; To?: number } | undefined;
      const entry: NaclEntry = {
        ruleNumber: Number(ctx.prop(record, 'RuleNumber')),
        egress: ctx.prop(record, 'Egress') === true || ctx.prop(record, 'Egress') === 'true',
        allow: String(ctx.prop(record, 'RuleAction')).toLowerCase() === 'allow',
        protocol,
        addresses: fromCidr(cidr),
        ports:
          portRange && (protocol === 6 || protocol === 17)
            ? range(Number(portRange.From), Number(portRange.To))
            : undefined,
        origin: labelOf(record),
      };
      if (!nacl.entries) {
        // Entries added to a VPC's default NACL sit beside its allow-all rule 100.
        (nacl as { entries: NaclEntry[] }).entries = [allowAll(nacl, true), allowAll(nacl, false)];
      }
      nacl.entries!.push(entry);
    });
  }
  for (const nacl of ctx.nacls.values()) nacl.entries?.sort((a, b) => a.ruleNumber - b.ruleNumber);
  for (const record of ctx.resources('AWS::EC2::SubnetNetworkAclAssociation')) {
    ctx.attempt(record, () => {
      const subnet = subnetOf(ctx, ctx.text(record, 'SubnetId'));
      subnet.nacl = naclOf(ctx, ctx.text(record, 'NetworkAclId'));
    });
  }
}

function allowAll(nacl: Nacl, egress: boolean): NaclEntry {
  return {
    ruleNumber: 100,
    egress,
    allow: true,
    protocol: -1,
    addresses: range(0, 2 ** 32 - 1),
    origin: `${nacl.label} rule 100`,
  };
}

function addPeerings(ctx: BuildContext): void {
  for (const record of ctx.resources('AWS::EC2::VPCPeeringConnection')) {
    ctx.attempt(record, () => {
      const requester = vpcOf(ctx, ctx.text(record, 'VpcId'));
      let peerId: string | undefined;
      try {
        peerId = ctx.text(record, 'PeerVpcId');
      } catch (error) {
        if (!(error instanceof Unresolvable)) throw error;
      }
      const owner = ctx.text(record, 'PeerOwnerId') ?? record.stack.account;
      const region = ctx.text(record, 'PeerRegion') ?? record.stack.region;
      let accepter = peerId ? ctx.vpcs.get(peerId) : undefined;
      if (!accepter) {
        // A peer named by a literal ID: join it by account when that account has one VPC.
        const candidates = ctx.model.vpcs.filter((v) => v.account === owner && v.region === region);
        if (candidates.length === 1) accepter = candidates[0];
      }
      const peering = {
        ...located(record),
        requester,
        accepter,
        peerDescription: accepter ? accepter.label : `${peerId ?? 'an unknown VPC'} in ${owner}/${region}`,
      };
      ctx.peerings.set(peering.id, peering);
      ctx.model.peerings.push(peering);
    });
  }
}

export function vpcOf(ctx: BuildContext, id: string | undefined): Vpc {
  const vpc = id ? ctx.vpcs.get(id) : undefined;
  if (!vpc) throw new Unresolvable(`VPC ${id ?? '(none)'} is not in the assembly`);
  return vpc;
}

export function subnetOf(ctx: BuildContext, id: string | undefined): Subnet {
  const subnet = id ? ctx.subnets.get(id) : undefined;
  if (!subnet) throw new Unresolvable(`subnet ${id ?? '(none)'} is not in the assembly`);
  return subnet;
}

export function routeTableOf(ctx: BuildContext, id: string | undefined): RouteTable {
  const table = id ? (ctx.routeTables.get(id) ?? ctx.vpcs.get(id.split('#')[0])?.mainRouteTable) : undefined;
  if (!table) throw new Unresolvable(`route table ${id ?? '(none)'} is not in the assembly`);
  return table;
}

function naclOf(ctx: BuildContext, id: string | undefined): Nacl {
  const nacl = id ? ctx.nacls.get(id) : undefined;
  if (!nacl) throw new Unresolvable(`network ACL ${id ?? '(none)'} is not in the assembly`);
  return nacl;
}

/** A resource's tags as a plain map; tags that do not resolve offline are left out. */
export function tagsOf(ctx: BuildContext, record: ResourceRecord): Record<string, string> {
  let tags: unknown;
  try {
    tags = ctx.prop(record, 'Tags');
  } catch (error) {
    if (error instanceof Unresolvable) return {};
    throw error;
  }
  const out: Record<string, string> = {};
  if (!Array.isArray(tags)) return out;
  for (const tag of tags as { Key?: unknown; Value?: unknown }[])
    if (typeof tag?.Key === 'string' && typeof tag.Value === 'string') out[tag.Key] = tag.Value;
  return out;
}
