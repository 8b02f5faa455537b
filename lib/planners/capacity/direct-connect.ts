import {
  DX_CONNECTIONS_PER_LOCATION,
  DX_GATEWAY_MAX_VIFS,
  DX_MIN_LOCATIONS,
  DX_MIN_PORTS_PER_LOCATION,
  DX_PORT_SPEEDS_MBPS,
  DX_TRANSIT_VIFS_PER_CONNECTION,
  dxMaxLagPorts,
  MBPS_PER_GBPS,
} from '../aws-limits';
import { DirectConnectGatewaySizing, DirectConnectSizing } from './types';

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
 * in the "maximum resiliency" pattern: LAGs of at least two ports at every configured
 * location, and only what survives the loss of a whole location counts. Every gateway needs a
 * transit VIF at each location and a connection carries at most four, so a location has one
 * LAG per four gateways, sharing its load. The smallest port speed whose LAG can carry its
 * share is chosen; past the largest LAGs, more locations are needed.
 *
 *   need 135,000 Mbps, 2 locations, 1 gateway -> each location must carry it alone: 10G x 4
 *     is too small, 100G x 2 carries 200,000 -> 100 Gbps ports, LAG of 2, 4 ports
 *   need 1,000,000 Mbps, 2 locations -> over 800 Gbps (2 x 400G) per location:
 *     3 locations needed, 2 configured -> problem
 */
export function sizeDirectConnect(
  needMbps: number,
  locations: readonly string[],
  gateways: readonly DirectConnectGatewaySizing[] = [],
): DirectConnectPlan {
  const surviving = Math.max(locations.length - 1, 0);
  const lagsPerLocation = Math.max(1, Math.ceil(gateways.length / DX_TRANSIT_VIFS_PER_CONNECTION));
  const perLocation = Math.ceil(needMbps / Math.max(surviving, 1));
  const perLag = Math.ceil(perLocation / lagsPerLocation);
  const speed =
    DX_PORT_SPEEDS_MBPS.find((s) => Math.ceil(perLag / s) <= dxMaxLagPorts(s)) ?? LARGEST_PORT_MBPS;
  const lagPorts = Math.min(
    Math.max(Math.ceil(perLag / speed), DX_MIN_PORTS_PER_LOCATION),
    dxMaxLagPorts(speed),
  );
  const locationsNeeded = Math.max(
    Math.ceil(needMbps / (LARGEST_LAG_MBPS * lagsPerLocation)) + 1,
    DX_MIN_LOCATIONS,
  );
  const sizing: DirectConnectSizing = {
    kind: 'directConnect',
    portSpeedMbps: speed,
    lagPorts,
    lagsPerLocation,
    gateways,
    locations,
    locationsNeeded,
    totalPorts: lagPorts * lagsPerLocation * locations.length,
    transitVifs: locations.length,
  };
  const capacityMbps = surviving * lagsPerLocation * lagPorts * speed;
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
  const ports = sizing.lagPorts * sizing.lagsPerLocation;
  if (ports > DX_CONNECTIONS_PER_LOCATION) {
    return `needs ${ports} ports at each location (${sizing.lagsPerLocation} LAGs of ${sizing.lagPorts}, one per four gateways), more than the ${DX_CONNECTIONS_PER_LOCATION} dedicated connections a location takes; ask AWS to raise it or add locations to network.directConnect.locations`;
  }
  if (capacityMbps < needMbps) {
    return `needs ${sizing.locationsNeeded} Direct Connect locations (a location's ${lagsText(sizing.lagsPerLocation)} at most ${dxMaxLagPorts(LARGEST_PORT_MBPS)} x ${LARGEST_PORT_MBPS / MBPS_PER_GBPS} Gbps and one location may be lost); estate.yaml lists ${configured}: add locations to network.directConnect.locations`;
  }
  return undefined;
}

function lagsText(lags: number): string {
  return lags === 1 ? 'LAG carries' : `${lags} LAGs carry each`;
}
