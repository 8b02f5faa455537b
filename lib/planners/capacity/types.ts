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
}

/** One hub-wide aggregate, in the same shape as a tenant row. */
export interface NationalRow extends CapacityRow {
  readonly path: NationalPath;
  readonly sizing: LaneSizing | DirectConnectSizing | AttachmentSizing;
}

/** How many per-AZ units (firewall endpoints or NAT gateways) the hub needs. */
export interface LaneSizing {
  readonly kind: 'lanes';
  /** Units in each AZ; each needs its own hub VPC attachment, since one carries 100 Gbps per AZ. */
  readonly perAz: number;
  /** The hub's AZs (the home region's zones from estate.yaml). */
  readonly availabilityZones: readonly string[];
  /** perAz x the number of AZs. */
  readonly total: number;
}

/** The estate's Direct Connect: one LAG per configured location, connected to one DX gateway. */
export interface DirectConnectSizing {
  readonly kind: 'directConnect';
  /** Dedicated port speed for every port, in Mbps. */
  readonly portSpeedMbps: number;
  /** Ports in the LAG at each location (also the ports per location). */
  readonly lagPorts: number;
  /** The locations from estate.yaml; every one gets a LAG. */
  readonly locations: readonly string[];
  /** The fewest locations that could carry the need at the largest port and LAG size. */
  readonly locationsNeeded: number;
  /** lagPorts x locations. */
  readonly totalPorts: number;
  /** One transit VIF per LAG, counted against the DX gateway's VIF limit. */
  readonly transitVifs: number;
}

/** A fixed-size attachment that cannot be sized up (for example the DX gateway attachment). */
export interface AttachmentSizing {
  readonly kind: 'attachment';
  readonly availabilityZones: readonly string[];
}

/** A tenant's on-premises link over Site-to-Site VPN. */
export interface VpnSizing {
  readonly kind: 'vpn';
  /** VPN connections to the Transit Gateway, each with two tunnels, all active with BGP and ECMP. */
  readonly connections: number;
  readonly tunnels: number;
  /** Informational: what is left if an AZ takes one tunnel of every connection with it. */
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
  readonly path: TenantPath | NationalPath;
  readonly message: string;
}

/** What the network stacks build, in one place. */
export interface HubSizing {
  readonly availabilityZones: readonly string[];
  readonly firewallEndpointsPerAz: number;
  readonly natGatewaysPerAz: number;
  /** Absent when no tenant uses Direct Connect. */
  readonly directConnect?: DirectConnectSizing;
  /** VPN connections by tenant ODS code, for tenants with onPremises.connection: vpn. */
  readonly vpnConnections: Readonly<Record<string, number>>;
}

export interface CapacityPlan {
  readonly growthFactor: number;
  readonly hub: HubSizing;
  /** Every tenant environment on every path it uses, in tenant then environment order. */
  readonly paths: readonly TenantPathRow[];
  /** One per tenant with an on-premises connection. */
  readonly onPremises: readonly OnPremisesLink[];
  readonly national: readonly NationalRow[];
  /** The lowest headroom on any row (below 1 means the plan has errors); absent with no tenants. */
  readonly minimumHeadroom?: number;
  /** Unmet needs; `assertCapacity` turns these into one error. */
  readonly errors: readonly CapacityShortfall[];
}
