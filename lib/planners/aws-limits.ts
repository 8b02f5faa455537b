/**
 * Published AWS limits that the network design is sized against, plus the few project policy
 * caps that sit below them, from the published quotas (late 2026):
 * https://docs.aws.amazon.com/vpc/latest/tgw/transit-gateway-quotas.html,
 * https://docs.aws.amazon.com/vpn/latest/s2svpn/vpn-limits.html,
 * https://docs.aws.amazon.com/directconnect/latest/UserGuide/limits.html,
 * https://docs.aws.amazon.com/network-firewall/latest/developerguide/quotas.html and
 * https://docs.aws.amazon.com/vpc/latest/userguide/nat-gateway-basics.html. Hard limits are never assumed away: a need above one is spread over more AZs,
 * endpoints, connections or locations, or it fails the capacity plan with a message.
 *
 * Every throughput figure is in Mbps so planners do integer arithmetic on one unit.
 */

/** Megabits per second in one gigabit per second. */
export const MBPS_PER_GBPS = 1000;

/** Transit Gateway VPC, Direct Connect gateway or peering attachment: 100 Gbps per AZ (older documents: 50). */
export const TGW_ATTACHMENT_MBPS_PER_AZ = 100 * MBPS_PER_GBPS;

/** Transit Gateway defaults: 5,000 attachments per gateway. */
export const TGW_MAX_ATTACHMENTS = 5000;

/** One Site-to-Site VPN tunnel on a Transit Gateway: 1.25 Gbps (140,000 pps); ECMP across tunnels needs BGP. */
export const VPN_TUNNEL_MBPS = 1250;

/** A Site-to-Site VPN connection always has two tunnels, to two AWS endpoints in different AZs. */
export const VPN_TUNNELS_PER_CONNECTION = 2;

/**
 * Project policy, not an AWS quota: at most 8 VPN connections (16 tunnels) per tenant. ECMP
 * spreads flows only across as many equal-cost paths as the customer gateway installs, and 16
 * is the widest `maximum-paths` common NHS-site routers and firewalls offer (several stop at 8
 * or 4). Past that, more tunnels add no usable capacity, so a tenant needing more should use
 * Direct Connect through its HSCN CN-SP.
 */
export const VPN_MAX_CONNECTIONS_PER_TENANT = 8;

/** Direct Connect dedicated port speeds, in Mbps, smallest first (1, 10, 100 and 400 Gbps). */
export const DX_PORT_SPEEDS_MBPS = [1, 10, 100, 400].map((gbps) => gbps * MBPS_PER_GBPS);

/** Ports in one link aggregation group: up to 4 below 100 Gbps, 2 at 100 Gbps and above. */
export function dxMaxLagPorts(portSpeedMbps: number): number {
  return portSpeedMbps < 100 * MBPS_PER_GBPS ? 4 : 2;
}

/** "Maximum resiliency": at least two connections at each of at least two locations. */
export const DX_MIN_LOCATIONS = 2;
export const DX_MIN_PORTS_PER_LOCATION = 2;

/** Direct Connect gateway: 30 virtual interfaces (one transit VIF per LAG here). */
export const DX_GATEWAY_MAX_VIFS = 30;

/** Direct Connect gateway: 200 prefixes advertised from the Transit Gateway to on-premises. */
export const DX_GATEWAY_MAX_PREFIXES_TO_ON_PREMISES = 200;

/** Direct Connect gateway: 100 prefixes accepted from on-premises. */
export const DX_GATEWAY_MAX_PREFIXES_FROM_ON_PREMISES = 100;

/** Direct Connect hosted connection through a partner such as an HSCN CN-SP: 50 Mbps to 25 Gbps. */
export const DX_HOSTED_MIN_MBPS = 50;
export const DX_HOSTED_MAX_MBPS = 25 * MBPS_PER_GBPS;

/** AWS Network Firewall: up to 100 Gbps per endpoint, one endpoint per AZ per firewall (more via associations). */
export const FIREWALL_ENDPOINT_MBPS = 100 * MBPS_PER_GBPS;

/** NAT gateway: starts at 5 Gbps and scales automatically to 100 Gbps. */
export const NAT_GATEWAY_MBPS = 100 * MBPS_PER_GBPS;
