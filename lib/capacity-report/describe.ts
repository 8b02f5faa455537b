import { groupDigits } from '../planners/capacity/capacity-row';
import { CapacityRow, LanePlan, NationalRow, OnPremisesSizing } from '../planners/capacity/types';
import { MBPS_PER_GBPS } from '../planners/aws-limits';

/** Words for the formatters; shared so text and Markdown say the same thing. */

/** Headroom for people: rounded down to 2 decimals, so a shortfall never reads as 1.00. */
export function headroomText(headroom: number): string {
  return (Math.floor(headroom * 100) / 100).toFixed(2);
}

export function onPremisesText(sizing: OnPremisesSizing): string {
  if (sizing.kind === 'directConnect') return 'Direct Connect (shared)';
  const large = sizing.tunnelBandwidth === 'large' ? ' of 5 Gbps' : '';
  return `VPN: ${sizing.connections} connections, ${sizing.tunnels} tunnels${large}`;
}

export function nationalSizingText(row: NationalRow): string {
  const { sizing } = row;
  switch (sizing.kind) {
    case 'lanes':
      return (
        `${sizing.lanes} lane${sizing.lanes === 1 ? '' : 's'} of ${groupDigits(sizing.laneCapacityMbps)} Mbps, ` +
        `1 per AZ each in ${sizing.availabilityZones.length} AZs (${sizing.total}); ${sizing.binding} binds at ` +
        `${groupDigits(sizing.averagePacketBytes)}-byte packets`
      );
    case 'directConnect': {
      const lags = sizing.lagsPerLocation > 1 ? `${sizing.lagsPerLocation} LAGs` : 'LAG';
      return (
        `${sizing.portSpeedMbps / MBPS_PER_GBPS} Gbps ports, ${lags} of ${sizing.lagPorts} at each of ` +
        `${sizing.locations.length} locations (${sizing.totalPorts} ports; ${sizing.locationsNeeded} locations needed)`
      );
    }
    case 'attachment': {
      const gateways = sizing.gateways ?? 1;
      return `${gateways} Direct Connect gateway${gateways === 1 ? '' : 's'} of ${groupDigits(row.capacityMbps / gateways)} Mbps with one of ${sizing.availabilityZones.length} AZs lost`;
    }
  }
}

/** "8,750 (1.09x)" */
export function capacityCell(row: CapacityRow, times = 'x'): string {
  return `${groupDigits(row.capacityMbps)} (${headroomText(row.headroom)}${times})`;
}

/** "RGR, RDE and 7 more": a lane's members in a table cell. */
export function membersText(members: readonly string[], shown = 6): string {
  if (members.length <= shown) return members.join(', ');
  return `${members.slice(0, shown).join(', ')} and ${members.length - shown} more`;
}

/** The lane moves and unpinned tenants, as sentences for the foot of a report. */
export function laneNotes(lanes: LanePlan): string[] {
  const notes = lanes.moves.map(
    (m) =>
      `Lane move: ${m.tenants.join(', ')} from lane ${m.from} to lane ${m.to} (${m.reason}); pin it with network.lane: ${m.to}.`,
  );
  if (lanes.count > 1 && lanes.unpinned.length > 0) {
    const list =
      lanes.unpinned.length <= 20
        ? lanes.unpinned.map((t) => `${t} in lane ${lanes.laneOf[t]}`).join(', ')
        : `${lanes.unpinned.length} tenants (hub.lanes.laneOf in --json gives each one's lane)`;
    notes.push(
      `Placed by need, not pinned: ${list}; pin each with network.lane so onboarding never moves it.`,
    );
  }
  return notes;
}
