/** The plain-data capacity plan: what `planCapacity` returns and the network stacks consume. */

/** Paths every tenant environment's traffic can take. */
export type TenantPath = 'spoke-attachment' | 'inspection' | 'egress-nat' | 'on-premises';

/** Shared hub resources, sized once for all tenants together. */
export type NationalPath = 'firewall-endpoints' | 'nat-gateways' | 'dx-ports' | 'dx-gateway-attachment';

/** Need against capacity on one path. Both in Mbps; capacity counts only what survives one failure. */
export interface CapacityRow {
  /** growthFactor x current peak, rounded up to a whole Mbps. */
  readonly needMbps: number;
  /** Capacity left after the path's failure unit is lost (an AZ, a DX location or a VPN tunnel). */
  readonly capacityMbps: number;
  /** capacityMbps / needMbps, rounded down to 3 decimals so it never overstates; below 1 is an unmet need. */
  readonly headroom: number;
}

/** One tenant environment on one path. */
export interface TenantPathRow extends CapacityRow {
  readonly tenant: string;
  readonly environment: string;
  readonly path: TenantPath;
  /** For `on-premises`, how the tenant's link is built. */
  readonly sizing?: OnPremisesSizing;
  /** For `inspection` and `egress-nat`: the lane whose capacity (as built) the row shows. */
  readonly lane?: number;
}

/** The two halves of a lane: its inspection VPC and its egress VPC. */
export type LanePath = 'inspection' | 'egress';

/** One lane's aggregate, in the same shape as a tenant row: the need of its members together. */
export interface LaneRow extends CapacityRow {
  readonly lane: number;
  readonly path: LanePath;
  /** ODS codes of the tenants in the lane, sorted. */
  readonly members: readonly string[];
}

/** One Direct Connect gateway's aggregate: the Direct Connect tenants of the lanes it serves. */
export interface DirectConnectGatewayRow extends CapacityRow {
  readonly gateway: number;
  readonly lanes: readonly number[];
  readonly members: readonly string[];
  /** Prefixes the gateway learns from on-premises (its members' on-premises CIDRs); at most 100. */
  readonly prefixesFromOnPremises: number;
  /** Prefixes it advertises to on-premises (its members' environments, shared services on the DNS gateway); at most 200. */
  readonly prefixesToOnPremises: number;
}

/** The part of a lane that binds first. */
export type LaneLimit =
  | 'attachment bandwidth'
  | 'attachment packet rate'
  | 'firewall endpoint'
  | 'NAT gateway bandwidth'
  | 'NAT gateway packet rate';

/** A tenant the planner moves out of a full lane: an explicit change, shown before deploy. */
export interface LaneMove {
  /** The group that moves together (tenants joined by a rule), sorted. */
  readonly tenants: readonly string[];
  readonly from: number;
  readonly to: number;
  readonly reason: string;
}

/** Where every tenant's traffic is inspected and leaves for the internet. */
export interface LanePlan {
  readonly count: number;
  /** What one lane carries with an AZ lost. */
  readonly capacityMbps: number;
  readonly binding: LaneLimit;
  readonly averagePacketBytes: number;
  /** Lane of each tenant (1-based), by ODS code. */
  readonly laneOf: Readonly<Record<string, number>>;
  /** Members of lane i + 1, sorted. */
  readonly members: readonly (readonly string[])[];
  readonly moves: readonly LaneMove[];
  /** Tenants placed by the planner rather than pinned with `network.lane`: pin them. */
  readonly unpinned: readonly string[];
  /** Tenants that rules join into one group (groups of two or more), each sorted. */
  readonly groups: readonly (readonly string[])[];
}

/** One hub-wide aggregate, in the same shape as a tenant row. */
export interface NationalRow extends CapacityRow {
  readonly path: NationalPath;
  readonly sizing: LaneSizing | DirectConnectSizing | AttachmentSizing;
}

/** How many per-AZ units (firewall endpoints or NAT gateways) the hub builds: one per lane per AZ. */
export interface LaneSizing {
  readonly kind: 'lanes';
  readonly lanes: number;
  /** Units in each AZ: one per lane, each behind its own lane's attachment. */
  readonly perAz: number;
  /** The hub's AZs (the home region's zones from estate.yaml). */
  readonly availabilityZones: readonly string[];
  /** perAz x the number of AZs. */
  readonly total: number;
  /** What one lane carries with an AZ lost, and what binds it. */
  readonly laneCapacityMbps: number;
  readonly binding: LaneLimit;
  readonly averagePacketBytes: number;
}

/** The estate's Direct Connect: LAGs at every configured location, transit VIFs to its DX gateways. */
export interface DirectConnectSizing {
  readonly kind: 'directConnect';
  /** Dedicated port speed for every port, in Mbps. */
  readonly portSpeedMbps: number;
  /** Ports in each LAG. */
  readonly lagPorts: number;
  /** LAGs at each location: one per four gateways (a connection carries at most four transit VIFs). */
  readonly lagsPerLocation: number;
  /** The Direct Connect gateways, each serving consecutive lanes. */
  readonly gateways: readonly DirectConnectGatewaySizing[];
  /** The locations from estate.yaml; every one gets a LAG. */
  readonly locations: readonly string[];
  /** The fewest locations that could carry the need at the largest port and LAG size. */
  readonly locationsNeeded: number;
  /** lagPorts x lagsPerLocation x locations. */
  readonly totalPorts: number;
  /** Transit VIFs each gateway needs: one per location, counted against the gateway's VIF limit. */
  readonly transitVifs: number;
}

/** One Direct Connect gateway: which lanes and tenants it serves. */
export interface DirectConnectGatewaySizing {
  /** 1-based, in lane order. */
  readonly gateway: number;
  readonly lanes: readonly number[];
  /** Its Direct Connect tenants, sorted. */
  readonly tenants: readonly string[];
  /** It also advertises shared services, for DNS with the on-premises resolvers behind it. */
  readonly dns: boolean;
}

/** A fixed-size attachment that cannot be sized up (for example the DX gateway attachment). */
export interface AttachmentSizing {
  readonly kind: 'attachment';
  readonly availabilityZones: readonly string[];
  /** How many such attachments (Direct Connect gateways) share the need. @default 1 */
  readonly gateways?: number;
}

/** A tenant's on-premises link over Site-to-Site VPN. */
export interface VpnSizing {
  readonly kind: 'vpn';
  /** VPN connections to the Transit Gateway, each with two tunnels, all active with BGP and ECMP. */
  readonly connections: number;
  readonly tunnels: number;
  /** `standard` tunnels carry 1.25 Gbps, `large` ones 5 Gbps (Transit Gateway VPNs only). */
  readonly tunnelBandwidth: 'standard' | 'large';
  readonly tunnelMbps: number;
  /** What is left if an AZ takes one tunnel of every connection with it: the capacity counted. */
  readonly azLossCapacityMbps: number;
}

/** A tenant that reaches AWS over the estate's shared Direct Connect (through its HSCN CN-SP). */
export interface DirectConnectShare {
  readonly kind: 'directConnect';
}

export type OnPremisesSizing = VpnSizing | DirectConnectShare;

/** A tenant's on-premises link: sized once per tenant, shared by its environments. */
export interface OnPremisesLink extends CapacityRow {
  readonly tenant: string;
  readonly sizing: OnPremisesSizing;
}

/** A need that cannot be met within the limits. */
export interface CapacityShortfall {
  /** ODS code; absent for a national aggregate. */
  readonly tenant?: string;
  readonly environment?: string;
  readonly path: TenantPath | NationalPath | 'lanes';
  readonly message: string;
}

/** What the network stacks build, in one place. */
export interface HubSizing {
  readonly availabilityZones: readonly string[];
  /** The lanes and who is in each. */
  readonly lanes: LanePlan;
  /** Absent when no tenant uses Direct Connect. */
  readonly directConnect?: DirectConnectSizing;
  /** VPN connections by tenant ODS code, for tenants with onPremises.connection: vpn. */
  readonly vpnConnections: Readonly<Record<string, number>>;
  /** The tunnel size of each VPN tenant's connections. */
  readonly vpnTunnelBandwidth: Readonly<Record<string, 'standard' | 'large'>>;
}

export interface CapacityPlan {
  readonly growthFactor: number;
  readonly hub: HubSizing;
  /** Every tenant environment on every path it uses, in tenant then environment order. */
  readonly paths: readonly TenantPathRow[];
  /** One per tenant with an on-premises connection. */
  readonly onPremises: readonly OnPremisesLink[];
  readonly national: readonly NationalRow[];
  /** Two rows per lane (inspection, egress): the need of its members against one lane. */
  readonly lanes: readonly LaneRow[];
  /** One row per Direct Connect gateway. */
  readonly directConnectGateways: readonly DirectConnectGatewayRow[];
  /** The lowest headroom on any row (below 1 means the plan has errors); absent with no tenants. */
  readonly minimumHeadroom?: number;
  /** Unmet needs; `assertCapacity` turns these into one error. */
  readonly errors: readonly CapacityShortfall[];
}
