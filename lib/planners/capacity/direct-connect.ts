import {
  DX_GATEWAY_MAX_VIFS,
  DX_MIN_LOCATIONS,
  DX_MIN_PORTS_PER_LOCATION,
  DX_PORT_SPEEDS_MBPS,
  dxMaxLagPorts,
  MBPS_PER_GBPS,
} from '../aws-limits';
import { DirectConnectSizing } from './types';

export interface DirectConnectPlan {
  readonly sizing: DirectConnectSizing;
  readonly capacityMbps: number;
  /** Why the configured locations cannot carry the need, if they cannot. */
  readonly problem?: string;
}

const LARGEST_PORT_MBPS = DX_PORT_SPEEDS_MBPS[DX_PORT_SPEEDS_MBPS.length - 1];
const LARGEST_LAG_MBPS = LARGEST_PORT_MBPS * dxMaxLagPorts(LARGEST_PORT_MBPS);

/**
 * Sizes the estate's Direct Connect for the aggregate need of its Direct Connect tenants,
 * in the "maximum resiliency" pattern: one LAG of at least two ports at every configured
 * location, and only what survives the loss of a whole location counts. The smallest port
 * speed whose LAG can carry a location's share is chosen; past the largest LAG, more
 * locations are needed.
 *
 *   need 135,000 Mbps, 2 locations -> each must carry it alone: 10G x 4 is too small,
 *     100G x 2 carries 200,000 -> 100 Gbps ports, LAG of 2, 4 ports
 *   need 1,000,000 Mbps, 2 locations -> over 800 Gbps (2 x 400G) per location:
 *     3 locations needed, 2 configured -> problem
 */
export function sizeDirectConnect(needMbps: number, locations: readonly string[]): DirectConnectPlan {
  const surviving = Math.max(locations.length - 1, 0);
  const perLocation = Math.ceil(needMbps / Math.max(surviving, 1));
  const speed =
    DX_PORT_SPEEDS_MBPS.find((s) => Math.ceil(perLocation / s) <= dxMaxLagPorts(s)) ?? LARGEST_PORT_MBPS;
  const lagPorts = Math.min(
    Math.max(Math.ceil(perLocation / speed), DX_MIN_PORTS_PER_LOCATION),
    dxMaxLagPorts(speed),
  );
  const locationsNeeded = Math.max(Math.ceil(needMbps / LARGEST_LAG_MBPS) + 1, DX_MIN_LOCATIONS);
  const sizing: DirectConnectSizing = {
    kind: 'directConnect',
    portSpeedMbps: speed,
    lagPorts,
    locations,
    locationsNeeded,
    totalPorts: lagPorts * locations.length,
    transitVifs: locations.length,
  };
  const capacityMbps = surviving * lagPorts * speed;
  return { sizing, capacityMbps, problem: problemOf(sizing, capacityMbps, needMbps) };
}

function problemOf(sizing: DirectConnectSizing, capacityMbps: number, needMbps: number): string | undefined {
  const configured = sizing.locations.length;
  if (configured < DX_MIN_LOCATIONS) {
    return `tenants use Direct Connect but estate.yaml lists ${configured} Direct Connect locations; set network.directConnect.locations to at least ${DX_MIN_LOCATIONS} for resilience`;
  }
  if (sizing.transitVifs > DX_GATEWAY_MAX_VIFS) {
    return `${sizing.transitVifs} locations need ${sizing.transitVifs} transit VIFs, over the Direct Connect gateway's ${DX_GATEWAY_MAX_VIFS}`;
  }
  if (capacityMbps < needMbps) {
    return `needs ${sizing.locationsNeeded} Direct Connect locations (a location's LAG carries at most ${dxMaxLagPorts(LARGEST_PORT_MBPS)} x ${LARGEST_PORT_MBPS / MBPS_PER_GBPS} Gbps and one location may be lost); estate.yaml lists ${configured}: add locations to network.directConnect.locations`;
  }
  return undefined;
}
