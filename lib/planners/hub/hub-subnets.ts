import { formatAddress, formatCidr, parseCidr, splitCidr } from '../../net/cidr';
import { PlannedSubnet } from '../spoke-subnets';

/** Per-AZ subnets of one hub VPC, by subnet group name. */
export interface HubSubnetPlan {
  readonly vpcCidr: string;
  readonly availabilityZones: readonly string[];
  readonly groups: Readonly<Record<string, readonly PlannedSubnet[]>>;
}

/** Subnet groups of each hub VPC, in address order. */
export const HUB_SUBNET_GROUPS = {
  inspection: ['firewall', 'transit'],
  egress: ['public', 'transit'],
  sharedServices: ['resolver', 'endpoints', 'transit'],
} as const;

/**
 * Lays out a hub VPC: the CIDR is split into equal blocks, the smallest power of two that
 * gives every group a subnet in every zone, and handed out group by group, zone by zone.
 *
 *   10.0.0.0/22, [a, b, c], [firewall, transit] -> 8 blocks of /25:
 *     firewall a 10.0.0.0/25  b 10.0.0.128/25  c 10.0.1.0/25
 *     transit  a 10.0.1.128/25  b 10.0.2.0/25  c 10.0.2.128/25
 */
export function planHubSubnets(
  vpcCidr: string,
  availabilityZones: readonly string[],
  groups: readonly string[],
): HubSubnetPlan {
  const zones = availabilityZones.slice(0, 3);
  if (zones.length !== 3) throw new Error(`a hub VPC needs three availability zones, got ${zones.length}`);
  const vpc = parseCidr(vpcCidr);
  const needed = groups.length * zones.length;
  const prefix = vpc.prefix + Math.ceil(Math.log2(needed));
  if (prefix > 28) throw new Error(`${vpcCidr} is too small for ${needed} hub subnets of at least /28`);
  const blocks = splitCidr(vpc, prefix, needed);
  const out: Record<string, PlannedSubnet[]> = {};
  groups.forEach((group, g) => {
    out[group] = zones.map((zone, z) => ({
      availabilityZone: zone,
      cidr: formatCidr(blocks[g * zones.length + z]),
    }));
  });
  return { vpcCidr, availabilityZones: zones, groups: out };
}

/** Host offset of fixed resolver addresses in their subnet (AWS keeps the first four). */
export const RESOLVER_HOST_OFFSET = 10;

/** A fixed address inside a subnet: resolver endpoints on-premises forwarders can be pointed at. */
export function hostAddress(subnetCidr: string, offset = RESOLVER_HOST_OFFSET): string {
  return formatAddress(parseCidr(subnetCidr).base + offset);
}
