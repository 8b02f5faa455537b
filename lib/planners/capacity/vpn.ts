import { VPN_MAX_CONNECTIONS_PER_TENANT, VPN_TUNNEL_MBPS, VPN_TUNNELS_PER_CONNECTION } from '../aws-limits';
import { VpnSizing } from './types';

export interface VpnPlan {
  readonly sizing: VpnSizing;
  readonly capacityMbps: number;
  /** False when even the policy maximum of connections cannot carry the need. */
  readonly met: boolean;
}

/**
 * Sizes a tenant's Site-to-Site VPN: every tunnel is active (BGP with ECMP), and the capacity
 * counted is all tunnels but one, because AWS replaces tunnel endpoints one at a time and a
 * link must carry its need through that. Connections come in whole pairs of tunnels.
 *
 *   need 8,000 Mbps  -> 7 tunnels + 1 spare = 8 -> 4 connections, counted 7 x 1,250 = 8,750 Mbps
 *   need 40,000 Mbps -> 33 tunnels > 16 (8 connections)  -> capped, 18,750 Mbps, not met
 */
export function sizeVpn(needMbps: number): VpnPlan {
  const wanted = Math.ceil(needMbps / VPN_TUNNEL_MBPS) + 1;
  const connections = Math.min(
    Math.ceil(wanted / VPN_TUNNELS_PER_CONNECTION),
    VPN_MAX_CONNECTIONS_PER_TENANT,
  );
  const tunnels = connections * VPN_TUNNELS_PER_CONNECTION;
  const capacityMbps = (tunnels - 1) * VPN_TUNNEL_MBPS;
  return {
    // The two tunnels of a connection end in different AZs, so an AZ loss leaves one per connection.
    sizing: { kind: 'vpn', connections, tunnels, azLossCapacityMbps: connections * VPN_TUNNEL_MBPS },
    capacityMbps,
    met: capacityMbps >= needMbps,
  };
}

/** The most a VPN-only tenant can be given: the policy maximum of tunnels, less one. */
export const VPN_MAX_CAPACITY_MBPS =
  (VPN_MAX_CONNECTIONS_PER_TENANT * VPN_TUNNELS_PER_CONNECTION - 1) * VPN_TUNNEL_MBPS;
