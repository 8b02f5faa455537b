import { EstateModel } from '../../config/model';
import { MBPS_PER_GBPS } from '../aws-limits';
import { DirectConnectSizing } from '../capacity/types';

export interface LagPlan {
  /** As written in estate.yaml. */
  readonly location: string;
  /**
   * The Direct Connect location code ports are ordered at (e.g. `EqLD5`); undefined when
   * config names the location in words, and then no ports are ordered for it.
   */
  readonly locationCode?: string;
  /** A CloudFormation bandwidth value such as "100Gbps". */
  readonly portSpeed: string;
  readonly ports: number;
  /** The LAG stays up while this many ports do: all but one, so one port can fail. */
  readonly minimumLinks: number;
}

export interface DirectConnectPlan {
  /** The Direct Connect gateway's ASN: private, unlike the Transit Gateway's and every tenant's. */
  readonly gatewayAsn: number;
  /**
   * What the Transit Gateway advertises to HSCN: summaries only (the DX gateway accepts at
   * most 200 prefixes), the tenant pool and the shared-services range (inbound DNS).
   */
  readonly allowedPrefixes: readonly string[];
  readonly lags: readonly LagPlan[];
}

/**
 * The Direct Connect build from the capacity plan's sizing: one LAG per location, each with
 * the same number of ports at the same speed, into one Direct Connect gateway associated with
 * the Transit Gateway. Undefined when no tenant uses Direct Connect.
 *
 *   100 Gbps ports, 2 per LAG, [LD5, THN] -> LD5 2 x 100Gbps (min 1), THN 2 x 100Gbps (min 1)
 */
export function planDirectConnect(
  model: EstateModel,
  sizing: DirectConnectSizing | undefined,
): DirectConnectPlan | undefined {
  if (!sizing) return undefined;
  const { network } = model.estate;
  const portSpeed = `${sizing.portSpeedMbps / MBPS_PER_GBPS}Gbps`;
  return {
    gatewayAsn: directConnectGatewayAsn(model),
    allowedPrefixes: [network.tenantSupernet, network.hub.sharedServices],
    lags: sizing.locations.map((location) => ({
      location,
      ...(LOCATION_CODE.test(location) ? { locationCode: location } : {}),
      portSpeed,
      ports: sizing.lagPorts,
      minimumLinks: Math.max(1, sizing.lagPorts - 1),
    })),
  };
}

/** What CloudFormation accepts as a Direct Connect location (codes such as `EqLD5`, `TCSH`). */
const LOCATION_CODE = /^[A-Za-z0-9-]+$/;

/** Locations whose ports cannot be ordered until config names them by code. */
export function unorderableLocations(plan: DirectConnectPlan): string[] {
  return plan.lags.filter((l) => !l.locationCode).map((l) => l.location);
}

const PRIVATE_ASN_FIRST = 64512;
const PRIVATE_ASN_LAST = 65534;

/**
 * The first private 2-byte ASN after the Transit Gateway's that no tenant uses, so the
 * gateway's BGP sessions never see their own ASN in a path. Deterministic from config.
 *
 *   TGW 64512, tenants 65001..65018 -> 64513
 */
export function directConnectGatewayAsn(model: EstateModel): number {
  const tgw = model.estate.network.transitGatewayAsn;
  const used = new Set([tgw, ...model.tenants.map((t) => t.network.onPremises?.asn)]);
  const span = PRIVATE_ASN_LAST - PRIVATE_ASN_FIRST + 1;
  for (let i = 1; i < span; i++) {
    const candidate = PRIVATE_ASN_FIRST + ((tgw - PRIVATE_ASN_FIRST + i) % span);
    if (!used.has(candidate)) return candidate;
  }
  throw new Error('no private 2-byte ASN is left for the Direct Connect gateway');
}
