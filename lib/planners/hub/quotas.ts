import { EstateModel } from '../../config/model';
import { QUOTAS, ServiceQuota } from '../aws-limits';
import { DirectConnectGatewaySizing } from '../capacity/types';
import { directConnectAttachmentKey } from '../segmentation/attachments';
import { SegmentationPlan } from '../segmentation/types';

/** One quota against what the plan needs. */
export interface QuotaRow extends ServiceQuota {
  readonly needed: number;
  /** Set when the default is not enough and AWS raises it: the value to ask for, and why. */
  readonly request?: { readonly value: number; readonly why: string };
  /** Set when the default is not enough and AWS does not raise it: the plan cannot be built. */
  readonly problem?: string;
}

/** Room asked for beyond the need, so the next lanes do not need another request. */
export const QUOTA_REQUEST_MARGIN = 1.25;

/**
 * Counts what the network plan builds against the quotas the lanes multiply (ADR 0024): route
 * tables and routes on the Transit Gateway (every static route, and every prefix each
 * propagation brings: one per VPC, the on-premises CIDRs behind a VPN or a Direct Connect
 * gateway), attachments, firewalls, VPCs, internet and NAT gateways, Elastic IPs (one per NAT
 * gateway) and Direct Connect gateways. The network account's own VPCs are counted; the
 * shared-services VPC is in another account.
 *
 *   2 lanes, 3 AZs -> firewalls 2, VPCs 4, NAT gateways per AZ 2, Elastic IPs 6: all within defaults
 */
export function planQuotas(
  model: EstateModel,
  segmentation: SegmentationPlan,
  lanes: number,
  zones: readonly string[],
  gateways: readonly DirectConnectGatewaySizing[],
): QuotaRow[] {
  const onPremisesOf = new Map(
    model.tenants.map((t) => [t.odsCode, t.network.onPremises?.cidrs.length ?? 0]),
  );
  const prefixesOf = new Map<string, number>();
  for (const a of segmentation.attachments)
    prefixesOf.set(a.key, a.source.kind === 'vpn' ? (onPremisesOf.get(a.source.tenant) ?? 0) : 1);
  for (const g of gateways) {
    const learned = g.tenants.reduce((n, t) => n + (onPremisesOf.get(t) ?? 0), 0);
    prefixesOf.set(directConnectAttachmentKey(g.gateway), learned);
  }
  const routes =
    segmentation.routes.length +
    segmentation.propagations.reduce((n, p) => n + (prefixesOf.get(p.attachment) ?? 0), 0);
  return [
    row(QUOTAS.tgwRouteTables, segmentation.tables.length, `${lanes} lanes, each with its own route tables`),
    row(QUOTAS.tgwRoutes, routes, 'per-lane tables, return routes and the prefixes each lane learns'),
    row(QUOTAS.tgwAttachments, segmentation.attachments.length, 'spokes, VPN connections and hub VPCs'),
    row(QUOTAS.firewalls, lanes, 'one Network Firewall per lane'),
    row(QUOTAS.vpcs, lanes * 2, 'an inspection and an egress VPC per lane'),
    row(QUOTAS.internetGateways, lanes, 'an internet gateway per lane'),
    row(QUOTAS.natGatewaysPerAz, lanes, 'a NAT gateway per lane in each AZ'),
    row(QUOTAS.elasticIps, lanes * zones.length, 'one address per NAT gateway'),
    row(QUOTAS.dxGateways, gateways.length, 'a Direct Connect gateway per group of Direct Connect tenants'),
  ];
}

function row(quota: ServiceQuota, needed: number, why: string): QuotaRow {
  if (needed <= quota.default) return { ...quota, needed };
  if (!quota.adjustable) {
    return {
      ...quota,
      needed,
      problem: `${quota.name}: the plan needs ${needed} (${why}) but AWS allows ${quota.default} and does not raise it`,
    };
  }
  return {
    ...quota,
    needed,
    request: { value: Math.ceil(needed * QUOTA_REQUEST_MARGIN), why: `${needed} needed: ${why}` },
  };
}
