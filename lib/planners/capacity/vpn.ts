import {
  VPN_LARGE_TUNNEL_MBPS,
  VPN_MAX_CONNECTIONS_PER_TENANT,
  VPN_TUNNEL_MBPS,
  VPN_TUNNELS_PER_CONNECTION,
} from '../aws-limits';
import { VpnSizing } from './types';

export interface VpnPlan {
  readonly sizing: VpnSizing;
  readonly capacityMbps: number;
  /** False when even the policy maximum of large-tunnel connections cannot carry the need. */
  readonly met: boolean;
}

/**
 * Standard tunnels while this many connections carry the need; past it, large tunnels. Every
 * connection costs three hub resources (connection, association, propagation) in its tenant's
 * shard and a tunnel pair on the tenant's devices, so fewer, larger tunnels are preferred as
 * soon as a tenant would need more than four.
 */
export const VPN_STANDARD_MAX_CONNECTIONS = 4;

/**
 * Sizes a tenant's Site-to-Site VPN. Every tunnel is active (BGP with ECMP), and the two
 * tunnels of a connection end in different AZs, so losing an AZ leaves one tunnel per
 * connection: the capacity counted is connections x one tunnel, which also covers AWS
 * replacing tunnel endpoints one at a time. Standard 1.25 Gbps tunnels are used while four
 * connections carry the need; past that, large 5 Gbps tunnels (Transit Gateway VPNs only).
 *
 *   need 4,000 Mbps  -> 4 standard connections (8 tunnels), counted 4 x 1,250 = 5,000 Mbps
 *   need 8,000 Mbps  -> over 4 x 1,250 -> 2 large connections, counted 2 x 5,000 = 10,000 Mbps
 *   need 45,000 Mbps -> over 8 x 5,000 -> capped at 40,000 Mbps, not met
 */
export function sizeVpn(needMbps: number): VpnPlan {
  const large = Math.ceil(needMbps / VPN_TUNNEL_MBPS) > VPN_STANDARD_MAX_CONNECTIONS;
  const tunnelMbps = large ? VPN_LARGE_TUNNEL_MBPS : VPN_TUNNEL_MBPS;
  const connections = Math.min(Math.max(1, Math.ceil(needMbps / tunnelMbps)), VPN_MAX_CONNECTIONS_PER_TENANT);
  const capacityMbps = connections * tunnelMbps;
  return {
    sizing: {
      kind: 'vpn',
      connections,
      tunnels: connections * VPN_TUNNELS_PER_CONNECTION,
      tunnelBandwidth: large ? 'large' : 'standard',
      tunnelMbps,
      azLossCapacityMbps: capacityMbps,
    },
    capacityMbps,
    met: capacityMbps >= needMbps,
  };
}

/** The most a VPN-only tenant can be given: the policy maximum of large-tunnel connections, an AZ lost. */
export const VPN_MAX_CAPACITY_MBPS = VPN_MAX_CONNECTIONS_PER_TENANT * VPN_LARGE_TUNNEL_MBPS;
