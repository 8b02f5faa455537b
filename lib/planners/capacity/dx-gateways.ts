import { EstateModel, Tenant } from '../../config/model';
import { contains, parseCidr } from '../../net/cidr';
import {
  DX_GATEWAY_MAX_PREFIXES_FROM_ON_PREMISES,
  DX_GATEWAY_MAX_PREFIXES_TO_ON_PREMISES,
  DX_GATEWAYS_PER_TRANSIT_GATEWAY,
} from '../aws-limits';
import { capacityRow, mbps } from './capacity-row';
import { CapacityShortfall, DirectConnectGatewayRow, DirectConnectGatewaySizing } from './types';

export interface DirectConnectGatewaysPlan {
  readonly gateways: readonly DirectConnectGatewaySizing[];
  readonly rows: readonly DirectConnectGatewayRow[];
  readonly errors: readonly CapacityShortfall[];
}

/** The tenant whose on-premises CIDRs hold the first on-premises resolver, if any. */
export function resolverTenant(model: EstateModel): Tenant | undefined {
  const [resolver] = model.estate.network.dns.onPremisesResolvers;
  if (!resolver) return undefined;
  const address = parseCidr(`${resolver}/32`);
  return model.tenants.find((t) =>
    (t.network.onPremises?.cidrs ?? []).some((c) => contains(parseCidr(c), address)),
  );
}

/**
 * Direct Connect gateways for the Direct Connect tenants: each within one attachment's capacity
 * with an AZ lost and the prefix limits (100 learned from on-premises: the members' on-premises
 * CIDRs; 200 advertised: the members' environments, and shared services on the gateway of the
 * tenant that holds the on-premises DNS resolvers). Best fit, largest need first (ties by ODS
 * code): deterministic, and close to the fewest gateways, since a Transit Gateway associates
 * at most 20. A gateway advertises only its members' ranges, and propagates into the lanes
 * they are in.
 *
 *   attachment 180,000 Mbps; RW3 50,000, X24 50,000, RJ7 20,000, RDE 15,000 -> gateway 1 (135,000)
 */
export function planDirectConnectGateways(
  model: EstateModel,
  laneOf: ReadonlyMap<string, number>,
  needOf: (tenant: Tenant) => number,
  gatewayMbps: number,
): DirectConnectGatewaysPlan {
  const dnsTenant = resolverTenant(model)?.odsCode;
  interface Open {
    tenants: Tenant[];
  }
  const load = (tenants: readonly Tenant[]) => ({
    need: tenants.reduce((n, t) => n + needOf(t), 0),
    from: tenants.reduce((n, t) => n + (t.network.onPremises?.cidrs.length ?? 0), 0),
    to:
      tenants.reduce((n, t) => n + Object.keys(t.environments).length, 0) +
      (tenants.some((t) => t.odsCode === dnsTenant) ? 1 : 0),
  });
  const fits = (tenants: readonly Tenant[]) => {
    const l = load(tenants);
    return (
      l.need <= gatewayMbps &&
      l.from <= DX_GATEWAY_MAX_PREFIXES_FROM_ON_PREMISES &&
      l.to <= DX_GATEWAY_MAX_PREFIXES_TO_ON_PREMISES
    );
  };
  const open: Open[] = [];
  const dxTenants = model.tenants
    .filter((t) => t.network.onPremises?.connection === 'directConnect')
    .sort((a, b) => needOf(b) - needOf(a) || a.odsCode.localeCompare(b.odsCode));
  for (const tenant of dxTenants) {
    let best: Open | undefined;
    for (const g of open) {
      if (!fits([...g.tenants, tenant])) continue;
      if (!best || load(g.tenants).need > load(best.tenants).need) best = g;
    }
    if (best) best.tenants.push(tenant);
    else open.push({ tenants: [tenant] });
  }
  const lanesOf = (g: Open) =>
    [...new Set(g.tenants.map((t) => laneOf.get(t.odsCode) ?? 1))].sort((a, b) => a - b);
  const gateways: DirectConnectGatewaySizing[] = open.map((g, i) => ({
    gateway: i + 1,
    lanes: lanesOf(g),
    tenants: g.tenants.map((t) => t.odsCode).sort(),
    dns: g.tenants.some((t) => t.odsCode === dnsTenant),
  }));
  const rows = open.map((g, i): DirectConnectGatewayRow => {
    const l = load(g.tenants);
    return {
      gateway: i + 1,
      lanes: gateways[i].lanes,
      members: gateways[i].tenants,
      ...capacityRow(l.need, gatewayMbps),
      prefixesFromOnPremises: l.from,
      prefixesToOnPremises: l.to,
    };
  });
  const errors: CapacityShortfall[] = [];
  for (const [i, g] of open.entries()) {
    if (fits(g.tenants)) continue;
    const l = load(g.tenants);
    errors.push({
      tenant: g.tenants[0].odsCode,
      path: 'dx-gateway-attachment',
      message:
        `dx-gateway-${i + 1}: ${largest(g.tenants, needOf)} needs ${mbps(l.need)}, ${l.from} prefixes from and ${l.to} to ` +
        `on-premises, more than one Direct Connect gateway carries ` +
        `(${mbps(gatewayMbps)} with one AZ lost, ${DX_GATEWAY_MAX_PREFIXES_FROM_ON_PREMISES} and ${DX_GATEWAY_MAX_PREFIXES_TO_ON_PREMISES} prefixes)`,
    });
  }
  if (open.length > DX_GATEWAYS_PER_TRANSIT_GATEWAY) {
    const all = open.flatMap((g) => g.tenants);
    errors.push({
      path: 'dx-gateway-attachment',
      message:
        `dx-gateway-attachment: the Direct Connect tenants need ${open.length} Direct Connect gateways ` +
        `(${largest(all, needOf)}), more than the ${DX_GATEWAYS_PER_TRANSIT_GATEWAY} one Transit Gateway associates; ` +
        'summarise on-premises CIDRs or move the smallest Direct Connect tenants to VPN',
    });
  }
  return { gateways, rows, errors };
}

/** "RW3 50,000 Mbps, X24 50,000 Mbps, RJ7 20,000 Mbps": who drives an aggregate. */
export function largest(tenants: readonly Tenant[], needOf: (t: Tenant) => number): string {
  const top = [...tenants].sort((a, b) => needOf(b) - needOf(a) || a.odsCode.localeCompare(b.odsCode));
  const named = top.slice(0, 3).map((t) => `${t.odsCode} ${mbps(needOf(t))}`);
  return top.length > 3 ? `largest: ${named.join(', ')} of ${top.length} tenants` : named.join(', ');
}
