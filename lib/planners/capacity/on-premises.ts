import { Tenant } from '../../config/model';
import { VPN_LARGE_TUNNEL_MBPS, VPN_MAX_CONNECTIONS_PER_TENANT } from '../aws-limits';
import { capacityRow, mbps } from './capacity-row';
import { CapacityShortfall, OnPremisesLink } from './types';
import { sizeVpn, VPN_MAX_CAPACITY_MBPS } from './vpn';

export interface OnPremisesPlan {
  readonly links: readonly OnPremisesLink[];
  readonly errors: readonly CapacityShortfall[];
}

/**
 * One link per tenant with `network.onPremises`, shared by all its environments: VPN
 * tenants get their own connections sized to their need; Direct Connect tenants share the
 * estate's Direct Connect, so they get what their path carries: the ports, or their lane's
 * Direct Connect gateway if that is less (`directConnectMbpsOf`).
 */
export function planOnPremises(
  tenants: readonly Tenant[],
  needOf: (tenant: Tenant) => number,
  growthFactor: number,
  directConnectMbpsOf: (tenant: string) => number,
): OnPremisesPlan {
  const links: OnPremisesLink[] = [];
  const errors: CapacityShortfall[] = [];
  for (const tenant of tenants) {
    const connection = tenant.network.onPremises?.connection;
    if (!connection) continue;
    const need = needOf(tenant);
    if (connection === 'directConnect') {
      links.push({
        tenant: tenant.odsCode,
        ...capacityRow(need, directConnectMbpsOf(tenant.odsCode)),
        sizing: { kind: 'directConnect' },
      });
      continue;
    }
    const vpn = sizeVpn(need);
    links.push({ tenant: tenant.odsCode, ...capacityRow(need, vpn.capacityMbps), sizing: vpn.sizing });
    if (vpn.met) continue;
    errors.push({
      tenant: tenant.odsCode,
      path: 'on-premises',
      message:
        `${tenant.odsCode} on-premises: needs ${mbps(need)} (${growthFactor} x ${mbps(tenant.network.currentPeakMbps)} peak) ` +
        `but Site-to-Site VPN tops out at ${mbps(VPN_MAX_CAPACITY_MBPS)} with an AZ lost (${VPN_MAX_CONNECTIONS_PER_TENANT} connections ` +
        `of two ${mbps(VPN_LARGE_TUNNEL_MBPS)} tunnels with ECMP, one tunnel of each left); ` +
        `use Direct Connect: set network.onPremises.connection: directConnect in ${tenant.file}`,
    });
  }
  return { links, errors };
}
