import { TGW_ATTACHMENT_MBPS_PER_AZ } from '../aws-limits';
import { LaneSizing } from './types';

export interface LanePlan {
  readonly sizing: LaneSizing;
  readonly capacityMbps: number;
}

/**
 * Capacity that survives the loss of one AZ when a resource runs in every AZ: traffic of
 * the lost AZ moves to the others, so only (AZs - 1) count.
 */
export function survivingAzs(availabilityZones: readonly string[]): number {
  return Math.max(availabilityZones.length - 1, 0);
}

/**
 * Sizes a per-AZ hub resource (Network Firewall endpoints, NAT gateways) for an aggregate
 * need. A "lane" is one unit in every AZ plus the hub VPC attachment in front of it; it
 * carries the smaller of the unit's limit and the attachment's 100 Gbps per AZ, so adding a
 * second unit per AZ only helps with a second attachment (an endpoint association or another
 * hub VPC). Lanes are added until the AZs that survive one loss carry the need.
 *
 *   need 192,700 Mbps, 3 AZs, 100 Gbps units -> 2 surviving x 100,000 = 200,000 -> 1 per AZ
 *   need 450,000 Mbps, 3 AZs                  -> 3 per AZ (600,000 Mbps), 9 in total
 */
export function sizeLanes(
  needMbps: number,
  unitMbps: number,
  availabilityZones: readonly string[],
): LanePlan {
  const laneMbps = Math.min(unitMbps, TGW_ATTACHMENT_MBPS_PER_AZ) * survivingAzs(availabilityZones);
  const perAz = Math.max(1, Math.ceil(needMbps / laneMbps));
  return {
    sizing: { kind: 'lanes', perAz, availabilityZones, total: perAz * availabilityZones.length },
    capacityMbps: perAz * laneMbps,
  };
}

/**
 * Lanes the hub builds today: one inspection and one egress lane, each one unit per AZ behind
 * one attachment. A Transit Gateway cannot spread one route over several VPC attachments, so
 * a second lane needs its own segments (docs/network.md, "Capacity plan"); until then a need
 * beyond one lane is an unmet need, not a silent under-size.
 */
export const HUB_LANES_PER_AZ = 1;

/** What the hub really carries on a lane plan: capped at the lanes it builds. */
export function builtLaneCapacity(lane: LanePlan): number {
  return (lane.capacityMbps / lane.sizing.perAz) * Math.min(lane.sizing.perAz, HUB_LANES_PER_AZ);
}
