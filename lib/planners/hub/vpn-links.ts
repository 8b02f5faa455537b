import { EstateModel, Tenant } from '../../config/model';

export interface VpnConnectionPlan {
  /** 1-based, stable while the count does not shrink. */
  readonly index: number;
  /** Index into `customerGatewayIps`: connections alternate between the tenant's devices. */
  readonly customerGateway: number;
}

/** A tenant's Site-to-Site VPN to the Transit Gateway: BGP on every tunnel, ECMP across them. */
export interface VpnLinkPlan {
  readonly tenant: string;
  readonly asn: number;
  /** Public IPs of the tenant's VPN devices, one customer gateway each. */
  readonly customerGatewayIps: readonly string[];
  /** `large` (5 Gbps) tunnels where 1.25 Gbps ones cannot carry the need. */
  readonly tunnelBandwidth: 'standard' | 'large';
  /** Empty while `missing` is set. */
  readonly connections: readonly VpnConnectionPlan[];
  /** Why the link cannot be built yet (the hub warns and builds nothing for it). */
  readonly missing?: string;
}

/**
 * The tenant file field that names the VPN devices. It is read defensively because the
 * schema does not carry it yet (see docs/network.md, "HSCN and on-premises").
 */
export function customerGatewayIpsOf(tenant: Tenant): string[] {
  const onPremises = tenant.network.onPremises as { customerGatewayIps?: unknown } | undefined;
  const ips = onPremises?.customerGatewayIps;
  return Array.isArray(ips) ? ips.filter((ip): ip is string => typeof ip === 'string') : [];
}

/**
 * One plan per VPN tenant, with as many connections as the capacity plan sized for it.
 *
 *   RGR, 4 connections, devices [a, b] -> connections 1..4 on gateways a, b, a, b
 */
export function planVpnLinks(
  model: EstateModel,
  connectionsByTenant: Readonly<Record<string, number>>,
  tunnelBandwidthByTenant: Readonly<Record<string, 'standard' | 'large'>> = {},
): VpnLinkPlan[] {
  return model.tenants.flatMap((tenant) => {
    const onPremises = tenant.network.onPremises;
    if (onPremises?.connection !== 'vpn') return [];
    const ips = customerGatewayIpsOf(tenant);
    const count = Math.max(1, connectionsByTenant[tenant.odsCode] ?? 1);
    const base = {
      tenant: tenant.odsCode,
      asn: onPremises.asn,
      customerGatewayIps: ips,
      tunnelBandwidth: tunnelBandwidthByTenant[tenant.odsCode] ?? 'standard',
    };
    if (ips.length === 0) {
      return [
        {
          ...base,
          connections: [],
          missing: `${tenant.file}: network.onPremises has no customerGatewayIps, so its ${count} VPN connection(s) cannot be built`,
        },
      ];
    }
    const connections = Array.from({ length: count }, (_, i) => ({
      index: i + 1,
      customerGateway: i % ips.length,
    }));
    return [{ ...base, connections }];
  });
}

export function vpnAttachmentKey(tenant: string, index: number): string {
  return `Vpn${tenant}${index}`;
}
