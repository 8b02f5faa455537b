import { groupDigits } from '../planners/capacity/capacity-row';
import { CapacityRow, NationalRow, OnPremisesSizing } from '../planners/capacity/types';
import { MBPS_PER_GBPS, TGW_ATTACHMENT_MBPS_PER_AZ } from '../planners/aws-limits';

/** Words for the formatters; shared so text and Markdown say the same thing. */

/** Headroom for people: rounded down to 2 decimals, so a shortfall never reads as 1.00. */
export function headroomText(headroom: number): string {
  return (Math.floor(headroom * 100) / 100).toFixed(2);
}

export function onPremisesText(sizing: OnPremisesSizing): string {
  if (sizing.kind === 'directConnect') return 'Direct Connect (shared)';
  return `VPN: ${sizing.connections} connections, ${sizing.tunnels} tunnels`;
}

export function nationalSizingText(row: NationalRow): string {
  const { sizing } = row;
  switch (sizing.kind) {
    case 'lanes':
      return `${sizing.perAz} per AZ in ${sizing.availabilityZones.length} AZs (${sizing.total})`;
    case 'directConnect':
      return (
        `${sizing.portSpeedMbps / MBPS_PER_GBPS} Gbps ports, LAG of ${sizing.lagPorts} at each of ` +
        `${sizing.locations.length} locations (${sizing.totalPorts} ports; ${sizing.locationsNeeded} locations needed)`
      );
    case 'attachment':
      return `fixed: ${TGW_ATTACHMENT_MBPS_PER_AZ / MBPS_PER_GBPS} Gbps per AZ in ${sizing.availabilityZones.length} AZs`;
  }
}

/** "8,750 (1.09x)" */
export function capacityCell(row: CapacityRow, times = 'x'): string {
  return `${groupDigits(row.capacityMbps)} (${headroomText(row.headroom)}${times})`;
}
