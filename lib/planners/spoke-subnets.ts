import { Cidr, formatCidr, parseCidr, splitCidr } from '../net/cidr';

/** Transit Gateway attachment subnets only need a few addresses (AWS recommends a /28). */
export const TRANSIT_SUBNET_PREFIX = 28;

export interface PlannedSubnet {
  readonly availabilityZone: string;
  readonly cidr: string;
}

export interface SpokeSubnetPlan {
  readonly vpcCidr: string;
  /** One workload subnet per AZ, each a quarter of the VPC. */
  readonly workload: readonly PlannedSubnet[];
  /** One /28 per AZ for the Transit Gateway attachment, from the fourth quarter. */
  readonly transit: readonly PlannedSubnet[];
}

/**
 * Lays out a spoke VPC: the CIDR is split into four quarters; the first three are the
 * workload subnets (one per AZ), the fourth holds the TGW attachment /28s and is otherwise
 * kept free for growth.
 *
 *   10.64.0.0/21, [a, b, c] ->
 *     workload  a 10.64.0.0/23   b 10.64.2.0/23   c 10.64.4.0/23
 *     transit   a 10.64.6.0/28   b 10.64.6.16/28  c 10.64.6.32/28
 */
export function planSpokeSubnets(vpcCidr: string, availabilityZones: readonly string[]): SpokeSubnetPlan {
  const zones = availabilityZones.slice(0, 3);
  if (zones.length !== 3)
    throw new Error(`a spoke needs three availability zones, got ${availabilityZones.length}`);
  const vpc = parseCidr(vpcCidr);
  const quarters = splitCidr(vpc, vpc.prefix + 2, 4);
  const transit = splitCidr(quarters[3], Math.max(TRANSIT_SUBNET_PREFIX, quarters[3].prefix), 3);
  return {
    vpcCidr,
    workload: zones.map((zone, i) => subnet(zone, quarters[i])),
    transit: zones.map((zone, i) => subnet(zone, transit[i])),
  };
}

function subnet(availabilityZone: string, cidr: Cidr): PlannedSubnet {
  return { availabilityZone, cidr: formatCidr(cidr) };
}
