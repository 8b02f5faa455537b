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

/*
 * Packet rates and the quotas a multi-lane hub multiplies (docs/adr/0024-hub-lanes.md), from
 * the same pages and https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html.
 */

/** Transit Gateway VPC, Direct Connect gateway or peering attachment: 7.5 million packets per second per AZ. */
export const TGW_ATTACHMENT_PPS_PER_AZ = 7_500_000;

/** NAT gateway: up to 10 million packets per second. */
export const NAT_GATEWAY_PPS = 10_000_000;

/** A large-bandwidth Site-to-Site VPN tunnel on a Transit Gateway: 5 Gbps (standard tunnels carry 1.25). */
export const VPN_LARGE_TUNNEL_MBPS = 5 * MBPS_PER_GBPS;

/** Direct Connect gateways associated with one Transit Gateway. */
export const DX_GATEWAYS_PER_TRANSIT_GATEWAY = 20;

/** Dedicated connections at one Direct Connect location (adjustable; more locations spread the load). */
export const DX_CONNECTIONS_PER_LOCATION = 10;

/** Transit virtual interfaces on one dedicated connection (or LAG). */
export const DX_TRANSIT_VIFS_PER_CONNECTION = 4;

/** A quota the lanes multiply: its default, and whether AWS raises it on request. */
export interface ServiceQuota {
  readonly name: string;
  readonly default: number;
  readonly adjustable: boolean;
  /** The AWS page that states it. */
  readonly source: string;
}

const TGW_QUOTAS = 'https://docs.aws.amazon.com/vpc/latest/tgw/transit-gateway-quotas.html';
const VPC_QUOTAS = 'https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html';

export const QUOTAS = {
  tgwRouteTables: {
    name: 'Transit gateway route tables per transit gateway',
    default: 20,
    adjustable: true,
    source: TGW_QUOTAS,
  },
  tgwRoutes: {
    name: 'Total combined routes (dynamic and static) across all route tables for a single transit gateway',
    default: 10_000,
    adjustable: true,
    source: TGW_QUOTAS,
  },
  tgwAttachments: {
    name: 'Attachments per transit gateway',
    default: TGW_MAX_ATTACHMENTS,
    adjustable: false,
    source: TGW_QUOTAS,
  },
  firewalls: {
    name: 'Network Firewall: firewalls per account per Region',
    default: 5,
    adjustable: true,
    source: 'https://docs.aws.amazon.com/network-firewall/latest/developerguide/quotas.html',
  },
  vpcs: { name: 'VPCs per Region', default: 5, adjustable: true, source: VPC_QUOTAS },
  internetGateways: {
    name: 'Internet gateways per Region',
    default: 5,
    adjustable: true,
    source: VPC_QUOTAS,
  },
  natGatewaysPerAz: {
    name: 'NAT gateways per Availability Zone',
    default: 5,
    adjustable: true,
    source: VPC_QUOTAS,
  },
  elasticIps: {
    name: 'EC2-VPC Elastic IPs per Region',
    default: 5,
    adjustable: true,
    source: VPC_QUOTAS,
  },
  dxGateways: {
    name: 'Direct Connect gateways per transit gateway',
    default: DX_GATEWAYS_PER_TRANSIT_GATEWAY,
    adjustable: false,
    source: 'https://docs.aws.amazon.com/directconnect/latest/UserGuide/limits.html',
  },
} as const satisfies Record<string, ServiceQuota>;
