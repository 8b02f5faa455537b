import { ResourceRecord } from '../assembly/resolver';
import { Unresolvable } from '../assembly/unresolvable';
import { fromCidrs } from '../sets/interval-set';
import { BuildContext } from './context';
import { located } from './labels';
import { subnetOf, tagsOf, vpcOf } from './vpcs';
import { AttachmentKind, TgwAttachment, TgwRouteTable, TransitGateway } from './types';

const VPC_ATTACHMENTS = ['AWS::EC2::TransitGatewayVpcAttachment', 'AWS::EC2::TransitGatewayAttachment'];

/** Transit gateways with their implicit default route table, when default association or propagation is on. */
export function addTransitGateways(ctx: BuildContext): void {
  for (const record of ctx.resources('AWS::EC2::TransitGateway')) {
    ctx.attempt(record, () => {
      const base = located(record);
      const enabled = (name: string): boolean => (ctx.text(record, name) ?? 'enable') === 'enable';
      const tgw: TransitGateway = { ...base, attachments: [], routeTables: [] };
      if (enabled('DefaultRouteTableAssociation') || enabled('DefaultRouteTablePropagation')) {
        const table: TgwRouteTable = {
          ...base,
          id: `${record.physicalId}#default`,
          label: `${base.label} default route table`,
          tgw,
          routes: [],
          propagations: [],
          propagationOrigins: new Map(),
        };
        ctx.tgwRouteTables.set(table.id, table);
        tgw.routeTables.push(table);
        Object.assign(tgw, {
          defaultAssociation: enabled('DefaultRouteTableAssociation') ? table : undefined,
          defaultPropagation: enabled('DefaultRouteTablePropagation') ? table : undefined,
        });
      }
      ctx.transitGateways.set(tgw.id, tgw);
      ctx.model.transitGateways.push(tgw);
    });
  }
}

/**
 * Attachments: VPC attachments (from any account), VPN connections and Direct Connect
 * gateway associations. On-premises prefixes come from the hints, since BGP carries them.
 */
export function addAttachments(ctx: BuildContext): void {
  for (const type of VPC_ATTACHMENTS) {
    for (const record of ctx.resources(type)) {
      ctx.attempt(record, () => {
        const vpc = vpcOf(ctx, ctx.text(record, 'VpcId'));
        const subnetIds = (ctx.prop(record, 'SubnetIds') ?? []) as string[];
        const options = (ctx.prop(record, 'Options') ?? {}) as Record<string, unknown>;
        const attachment = attach(ctx, record, 'vpc', {
          vpc,
          subnets: subnetIds.map((id) => subnetOf(ctx, id)),
          applianceMode: options.ApplianceModeSupport === 'enable',
          prefixCidrs: vpc.cidrs,
          resource: vpc.id,
        });
        vpc.attachments.push(attachment);
      });
    }
  }
  for (const record of ctx.resources('AWS::EC2::VPNConnection')) {
    ctx.attempt(record, () => {
      if (!ctx.prop(record, 'TransitGatewayId')) return; // a virtual private gateway VPN: not modelled
      const gateway = ctx.resolver.record(ctx.text(record, 'CustomerGatewayId') ?? '');
      const asn = gateway ? Number(ctx.prop(gateway, 'BgpAsn')) : NaN;
      const site = ctx.hints.vpnByAsn?.get(asn);
      if (!site)
        ctx.gap(
          located(record).label,
          `no tenant's on-premises network uses BGP ASN ${asn}; its prefixes are unknown`,
        );
      attach(ctx, record, 'vpn', {
        id: `${record.physicalId}#attachment`,
        tenant: site?.tenant,
        prefixCidrs: site?.cidrs ?? [],
        resource: record.physicalId,
      });
    });
  }
  for (const record of ctx.resources('AWS::DirectConnect::DirectConnectGatewayAssociation')) {
    ctx.attempt(record, () => {
      const gatewayId = ctx.text(record, 'DirectConnectGatewayId') ?? '';
      attach(ctx, record, 'direct-connect', {
        id: `${record.physicalId}#attachment`,
        tgwProperty: 'AssociatedGatewayId',
        prefixCidrs: ctx.hints.directConnectCidrs ?? [],
        resource: gatewayId,
      });
    });
  }
}

interface AttachOptions {
  readonly id?: string;
  readonly tgwProperty?: string;
  readonly vpc?: TgwAttachment['vpc'];
  readonly subnets?: TgwAttachment['subnets'];
  readonly applianceMode?: boolean;
  readonly prefixCidrs: readonly string[];
  readonly tenant?: string;
  readonly resource: string;
}

function attach(
  ctx: BuildContext,
  record: ResourceRecord,
  kind: AttachmentKind,
  options: AttachOptions,
): TgwAttachment {
  const tgwId = ctx.text(record, options.tgwProperty ?? 'TransitGatewayId');
  const tgw = tgwId ? ctx.transitGateways.get(tgwId) : undefined;
  if (!tgw) throw new Unresolvable(`transit gateway ${tgwId ?? '(none)'} is not in the assembly`);
  const attachment: TgwAttachment = {
    ...located(record, options.id ?? record.physicalId),
    tgw,
    kind,
    vpc: options.vpc,
    subnets: options.subnets ?? [],
    applianceMode: options.applianceMode ?? false,
    prefixes: fromCidrs(options.prefixCidrs),
    prefixCidrs: options.prefixCidrs,
    tenant: options.tenant,
    resource: options.resource,
    association: tgw.defaultAssociation,
  };
  tgw.attachments.push(attachment);
  tgw.defaultPropagation?.propagations.push(attachment);
  ctx.attachments.set(attachment.id, attachment);
  return attachment;
}

/** Route tables, associations, propagations and static routes (including blackholes). */
export function addTgwRouting(ctx: BuildContext): void {
  for (const record of ctx.resources('AWS::EC2::TransitGatewayRouteTable')) {
    ctx.attempt(record, () => {
      const tgwId = ctx.text(record, 'TransitGatewayId');
      const tgw = tgwId ? ctx.transitGateways.get(tgwId) : undefined;
      if (!tgw) throw new Unresolvable(`transit gateway ${tgwId ?? '(none)'} is not in the assembly`);
      const tags = tagsOf(ctx, record);
      const lane = tags['nhs-cloud:lane'] === undefined ? undefined : Number(tags['nhs-cloud:lane']);
      const table: TgwRouteTable = {
        ...located(record),
        tgw,
        routes: [],
        propagations: [],
        propagationOrigins: new Map(),
        ...(tags['nhs-cloud:segment'] ? { segment: tags['nhs-cloud:segment'] } : {}),
        ...(lane !== undefined && Number.isInteger(lane) ? { lane } : {}),
      };
      ctx.tgwRouteTables.set(table.id, table);
      tgw.routeTables.push(table);
    });
  }
  const explicit = new Set<TgwAttachment>();
  for (const record of ctx.resources('AWS::EC2::TransitGatewayRouteTableAssociation')) {
    ctx.attempt(record, () => {
      const { table, attachment } = tableAndAttachment(ctx, record);
      if (explicit.has(attachment)) {
        throw new Unresolvable(`${attachment.label} is associated with two route tables; only one deploys`);
      }
      explicit.add(attachment);
      attachment.association = table;
      attachment.associationOrigin = located(record).label;
    });
  }
  for (const record of ctx.resources('AWS::EC2::TransitGatewayRouteTablePropagation')) {
    ctx.attempt(record, () => {
      const { table, attachment } = tableAndAttachment(ctx, record);
      table.propagations.push(attachment);
      table.propagationOrigins.set(attachment.id, located(record).label);
    });
  }
  for (const record of ctx.resources('AWS::EC2::TransitGatewayRoute')) {
    ctx.attempt(record, () => {
      const table = tgwTableOf(ctx, ctx.text(record, 'TransitGatewayRouteTableId'));
      const destination = ctx.text(record, 'DestinationCidrBlock');
      if (!destination) throw new Unresolvable('the route has no DestinationCidrBlock');
      const blackhole = ctx.prop(record, 'Blackhole') === true || ctx.prop(record, 'Blackhole') === 'true';
      const target = blackhole
        ? undefined
        : attachmentOf(ctx, ctx.text(record, 'TransitGatewayAttachmentId'));
      table.routes.push({ destination, target, kind: 'static', origin: located(record).label });
    });
  }
}

function tableAndAttachment(
  ctx: BuildContext,
  record: ResourceRecord,
): { table: TgwRouteTable; attachment: TgwAttachment } {
  return {
    table: tgwTableOf(ctx, ctx.text(record, 'TransitGatewayRouteTableId')),
    attachment: attachmentOf(ctx, ctx.text(record, 'TransitGatewayAttachmentId')),
  };
}

function tgwTableOf(ctx: BuildContext, id: string | undefined): TgwRouteTable {
  const table = id ? ctx.tgwRouteTables.get(id) : undefined;
  if (!table) throw new Unresolvable(`transit gateway route table ${id ?? '(none)'} is not in the assembly`);
  return table;
}

function attachmentOf(ctx: BuildContext, id: string | undefined): TgwAttachment {
  const attachment = id ? ctx.attachments.get(id) : undefined;
  if (!attachment)
    throw new Unresolvable(`transit gateway attachment ${id ?? '(none)'} is not in the assembly`);
  return attachment;
}
