import {
  FIREWALL_ENDPOINT_MBPS,
  NAT_GATEWAY_MBPS,
  NAT_GATEWAY_PPS,
  TGW_ATTACHMENT_MBPS_PER_AZ,
  TGW_ATTACHMENT_PPS_PER_AZ,
} from '../aws-limits';
import { LaneLimit } from './types';

/**
 * Capacity that survives the loss of one AZ when a resource runs in every AZ: traffic of
 * the lost AZ moves to the others, so only (AZs - 1) count.
 */
export function survivingAzs(availabilityZones: readonly string[]): number {
  return Math.max(availabilityZones.length - 1, 0);
}

/** Mbps that `pps` packets per second of `averagePacketBytes` carry, rounded down. */
export function packetRateMbps(pps: number, averagePacketBytes: number): number {
  return Math.floor((pps * averagePacketBytes * 8) / 1_000_000);
}

/** Transit Gateway MTU: no packet through an attachment is larger. */
const TGW_MTU_BYTES = 8500;

/**
 * The average packet in the busier direction of an attachment that carries each flow one way
 * per direction (spokes, egress, Direct Connect), from the two-way average: with one ACK for
 * every two full segments, the data direction's packets are 3/2 of the mix (docs/adr/0020).
 *
 *   1,000 -> 1,500 bytes
 */
export function oneWayPacketBytes(averagePacketBytes: number): number {
  return Math.min(Math.floor((averagePacketBytes * 3) / 2), TGW_MTU_BYTES);
}

export interface LaneCapacity {
  /** What one lane carries per AZ: its tightest part. */
  readonly perAzMbps: number;
  /** What one lane carries with one AZ lost. */
  readonly capacityMbps: number;
  readonly binding: LaneLimit;
  readonly averagePacketBytes: number;
}

/**
 * One lane (docs/adr/0024-hub-lanes.md) is an inspection VPC and an egress VPC, each behind its
 * own attachment. Per AZ it carries the least of its parts; with one AZ lost, (AZs - 1) x that.
 * Packet rates are turned into Mbps at the estate's average packet size: the inspection
 * attachment and the NAT gateways see both directions of every flow (the two-way average),
 * the egress attachment one direction each way (`oneWayPacketBytes`).
 *
 *   3 AZs, 1,000-byte packets: inspection attachment 100,000 Mbps or 7.5 Mpps = 60,000 Mbps,
 *   firewall 100,000, NAT 100,000 or 10 Mpps = 80,000, egress attachment 90,000 -> 60,000 per
 *   AZ (attachment packet rate), 120,000 Mbps with an AZ lost
 */
export function laneCapacity(availabilityZones: readonly string[], averagePacketBytes: number): LaneCapacity {
  const oneWay = oneWayPacketBytes(averagePacketBytes);
  const limits: [LaneLimit, number][] = [
    ['attachment bandwidth', TGW_ATTACHMENT_MBPS_PER_AZ],
    ['attachment packet rate', packetRateMbps(TGW_ATTACHMENT_PPS_PER_AZ, averagePacketBytes)],
    ['firewall endpoint', FIREWALL_ENDPOINT_MBPS],
    ['NAT gateway bandwidth', NAT_GATEWAY_MBPS],
    ['NAT gateway packet rate', packetRateMbps(NAT_GATEWAY_PPS, averagePacketBytes)],
    ['attachment packet rate', packetRateMbps(TGW_ATTACHMENT_PPS_PER_AZ, oneWay)],
  ];
  const [binding, perAzMbps] = limits.reduce((a, b) => (b[1] < a[1] ? b : a));
  return {
    perAzMbps,
    capacityMbps: perAzMbps * survivingAzs(availabilityZones),
    binding,
    averagePacketBytes,
  };
}

/**
 * What an attachment that carries each flow one way per direction (a spoke, a Direct Connect
 * gateway) carries with an AZ lost: its bandwidth or packet rate per AZ, whichever is less.
 *
 *   3 AZs, 1,000-byte packets -> 1,500 bytes one way -> 7.5 Mpps = 90,000 Mbps per AZ -> 180,000 Mbps
 */
export function attachmentCapacity(availabilityZones: readonly string[], averagePacketBytes: number): number {
  const perAz = Math.min(
    TGW_ATTACHMENT_MBPS_PER_AZ,
    packetRateMbps(TGW_ATTACHMENT_PPS_PER_AZ, oneWayPacketBytes(averagePacketBytes)),
  );
  return perAz * survivingAzs(availabilityZones);
}
