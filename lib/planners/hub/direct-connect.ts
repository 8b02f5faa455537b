import { allEnvironments, EstateModel } from '../../config/model';
import { UserInputError } from '../../errors/user-input-error';
import { DX_TRANSIT_VIFS_PER_CONNECTION, MBPS_PER_GBPS } from '../aws-limits';
import { DirectConnectSizing } from '../capacity/types';
import { directConnectAttachmentKey } from '../segmentation/attachments';

export interface LagPlan {
  /** As written in estate.yaml. */
  readonly location: string;
  /**
   * The Direct Connect location code ports are ordered at (e.g. `EqLD5`); undefined when
   * config names the location in words, and then no ports are ordered for it.
   */
  readonly locationCode?: string;
  /** 1-based among the LAGs at the location (one per four gateways). */
  readonly index: number;
  /** A CloudFormation bandwidth value such as "100Gbps". */
  readonly portSpeed: string;
  readonly ports: number;
  /** The LAG stays up while this many ports do: all but one, so one port can fail. */
  readonly minimumLinks: number;
}

/** One Direct Connect gateway, associated with the Transit Gateway. */
export interface DirectConnectGatewayPlan {
  readonly gateway: number;
  /** The plan's attachment key (`DirectConnect`, `DirectConnect2`, ...). */
  readonly key: string;
  /** Private, unlike the Transit Gateway's, every tenant's and every other gateway's. */
  readonly asn: number;
  /**
   * What the Transit Gateway advertises to HSCN through this gateway: its members'
   * environments only (at most 200 prefixes), and shared services where the DNS resolvers are.
   */
  readonly allowedPrefixes: readonly string[];
  readonly tenants: readonly string[];
  readonly lanes: readonly number[];
}

/** A transit VIF from config, placed on its location's LAG for its gateway. */
export interface TransitVifPlan {
  readonly gateway: number;
  readonly location: string;
  /** The LAG at the location that carries it: one per four gateways. */
  readonly lag: number;
  readonly vlan: number;
  /** The CN-SP router's ASN. */
  readonly asn: number;
}

export interface DirectConnectPlan {
  readonly gateways: readonly DirectConnectGatewayPlan[];
  readonly lags: readonly LagPlan[];
  readonly transitVifs: readonly TransitVifPlan[];
  /** Gateways without a transit VIF at two locations or more: the hub warns, nothing carries them yet. */
  readonly missingVifs: readonly string[];
}

/**
 * The Direct Connect build from the capacity plan's sizing: LAGs at each location with the
 * same number of ports at the same speed (one LAG per four gateways, since a connection carries
 * at most four transit VIFs), one Direct Connect gateway per group the capacity plan made, and
 * the transit VIFs config lists. Undefined when no tenant uses Direct Connect.
 *
 *   100 Gbps ports, 2 per LAG, [LD5, THN], 1 gateway -> LD5 2 x 100Gbps (min 1), THN 2 x 100Gbps (min 1)
 */
export function planDirectConnect(
  model: EstateModel,
  sizing: DirectConnectSizing | undefined,
): DirectConnectPlan | undefined {
  if (!sizing) return undefined;
  const { network } = model.estate;
  const portSpeed = `${sizing.portSpeedMbps / MBPS_PER_GBPS}Gbps`;
  const asns = directConnectGatewayAsns(model, sizing.gateways.length);
  const cidrsOf = new Map<string, string[]>();
  for (const env of allEnvironments(model))
    cidrsOf.set(env.tenant.odsCode, [...(cidrsOf.get(env.tenant.odsCode) ?? []), env.cidr]);
  const gateways = sizing.gateways.map((g, i) => ({
    gateway: g.gateway,
    key: directConnectAttachmentKey(g.gateway),
    asn: asns[i],
    allowedPrefixes: [
      ...g.tenants.flatMap((t) => cidrsOf.get(t) ?? []),
      ...(g.dns ? [network.hub.sharedServices] : []),
    ],
    tenants: g.tenants,
    lanes: g.lanes,
  }));
  const lags = sizing.locations.flatMap((location) =>
    Array.from({ length: sizing.lagsPerLocation }, (_, i) => ({
      location,
      ...(LOCATION_CODE.test(location) ? { locationCode: location } : {}),
      index: i + 1,
      portSpeed,
      ports: sizing.lagPorts,
      minimumLinks: Math.max(1, sizing.lagPorts - 1),
    })),
  );
  const transitVifs = transitVifsOf(model, sizing);
  const missingVifs = gateways.flatMap((g) => {
    const at = new Set(transitVifs.filter((v) => v.gateway === g.gateway).map((v) => v.location));
    return at.size >= 2
      ? []
      : [
          `Direct Connect gateway ${g.gateway} (${g.tenants.join(', ')}) has transit VIFs at ${at.size} of ` +
            `${sizing.locations.length} locations; add one per location to network.directConnect.transitVifs ` +
            'with the VLAN and ASN the CN-SP gives (until then it carries nothing)',
        ];
  });
  return { gateways, lags, transitVifs, missingVifs };
}

/** What CloudFormation accepts as a Direct Connect location (codes such as `EqLD5`, `TCSH`). */
const LOCATION_CODE = /^[A-Za-z0-9-]+$/;

/** Locations whose ports cannot be ordered until config names them by code. */
export function unorderableLocations(plan: DirectConnectPlan): string[] {
  return [...new Set(plan.lags.filter((l) => !l.locationCode).map((l) => l.location))];
}

/** The transit VIFs of config, each checked against the gateways and locations the plan has. */
function transitVifsOf(model: EstateModel, sizing: DirectConnectSizing): TransitVifPlan[] {
  const vifs = model.estate.network.directConnect?.transitVifs ?? [];
  const seen = new Set<string>();
  return vifs.map((vif, i) => {
    const at = { file: 'estate.yaml', field: `network.directConnect.transitVifs.${i}` };
    if (vif.gateway > sizing.gateways.length) {
      throw UserInputError.at(
        { ...at, field: `${at.field}.gateway` },
        `expected a gateway from 1 to ${sizing.gateways.length} (the Direct Connect gateways the capacity plan has), got ${vif.gateway}`,
        { hint: 'run `nhs-cloud capacity` to see the gateways and whom each serves' },
      );
    }
    if (!sizing.locations.includes(vif.location)) {
      throw UserInputError.at(
        { ...at, field: `${at.field}.location` },
        `expected one of network.directConnect.locations (${sizing.locations.join(', ')}), got ${vif.location}`,
      );
    }
    const key = `${vif.location}/${vif.vlan}`;
    if (seen.has(key)) {
      throw UserInputError.at(
        { ...at, field: `${at.field}.vlan` },
        `expected a VLAN not used by another transit VIF at ${vif.location}, got ${vif.vlan} again`,
      );
    }
    seen.add(key);
    return {
      gateway: vif.gateway,
      location: vif.location,
      lag: Math.ceil(vif.gateway / DX_TRANSIT_VIFS_PER_CONNECTION),
      vlan: vif.vlan,
      asn: vif.asn,
    };
  });
}

const PRIVATE_ASN_FIRST = 64512;
const PRIVATE_ASN_LAST = 65534;

/**
 * The first `count` private 2-byte ASNs after the Transit Gateway's that no tenant uses, one per
 * Direct Connect gateway, so no BGP session ever sees its own ASN in a path. Deterministic.
 *
 *   TGW 64512, tenants 65001..65018, 2 gateways -> 64513, 64514
 */
export function directConnectGatewayAsns(model: EstateModel, count: number): number[] {
  const tgw = model.estate.network.transitGatewayAsn;
  const used = new Set([tgw, ...model.tenants.map((t) => t.network.onPremises?.asn)]);
  const span = PRIVATE_ASN_LAST - PRIVATE_ASN_FIRST + 1;
  const out: number[] = [];
  for (let i = 1; i < span && out.length < count; i++) {
    const candidate = PRIVATE_ASN_FIRST + ((tgw - PRIVATE_ASN_FIRST + i) % span);
    if (!used.has(candidate)) out.push(candidate);
  }
  if (out.length < count) throw new Error('no private 2-byte ASN is left for the Direct Connect gateways');
  return out;
}

/** The first gateway's ASN (kept for callers that know one gateway). */
export function directConnectGatewayAsn(model: EstateModel): number {
  return directConnectGatewayAsns(model, 1)[0];
}
