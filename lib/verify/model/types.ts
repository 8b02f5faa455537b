import { IntervalSet } from '../sets/interval-set';
import { PrefixMap } from '../sets/prefix-map';
import { FirewallPolicyModel } from '../firewall/types';

/**
 * The network as the synthesized templates describe it, across every account: plain objects
 * joined by reference, built once and then only read by the path search.
 */
export interface Located {
  /** Stand-in physical ID (`@Stack/LogicalId`), or a derived ID for implicit resources. */
  readonly id: string;
  /** `Stack/construct/path` for people: the CDK path without `Resource` steps, or the Name tag. */
  readonly label: string;
  readonly stack: string;
  readonly account: string;
  readonly region: string;
}

export interface Vpc extends Located {
  readonly cidrs: readonly string[];
  readonly addresses: IntervalSet;
  readonly subnets: Subnet[];
  /** Subnets by address, for local delivery. */
  subnetMap: PrefixMap<Subnet>;
  /** The route table of subnets with no explicit association: only the local route. */
  readonly mainRouteTable: RouteTable;
  readonly defaultNacl: Nacl;
  readonly internetGateways: InternetGateway[];
  readonly attachments: TgwAttachment[];
  /** The template's tags (lane VPCs carry `nhs-cloud:lane` and `nhs-cloud:role`). */
  readonly tags: Readonly<Record<string, string>>;
}

export interface Subnet extends Located {
  readonly vpc: Vpc;
  readonly cidr: string;
  readonly addresses: IntervalSet;
  readonly az: string;
  routeTable: RouteTable;
  nacl: Nacl;
}

export interface RouteTable extends Located {
  readonly vpc: Vpc;
  readonly routes: VpcRoute[];
  /** Built on first use, after every route is known. */
  map?: PrefixMap<VpcRoute>;
  /** Set when an internet gateway uses this table for traffic arriving from the internet. */
  readonly edgeFor: InternetGateway[];
}

export type VpcTarget =
  | { readonly kind: 'local' }
  | { readonly kind: 'internet-gateway'; readonly gateway: InternetGateway }
  | { readonly kind: 'nat-gateway'; readonly nat: NatGateway }
  | { readonly kind: 'transit-gateway'; readonly tgw: TransitGateway }
  | { readonly kind: 'peering'; readonly peering: Peering }
  | { readonly kind: 'firewall'; readonly endpoint: FirewallEndpoint }
  | { readonly kind: 'gateway-endpoint'; readonly label: string }
  /** A target the model does not follow (an instance, ENI or unknown endpoint). */
  | { readonly kind: 'opaque'; readonly label: string }
  | { readonly kind: 'unresolved'; readonly reason: string };

export interface VpcRoute {
  readonly destination: string;
  readonly target: VpcTarget;
  /** Where the route is declared, for witnesses. */
  readonly origin: string;
}

export interface InternetGateway extends Located {
  vpc?: Vpc;
  /** Ingress routing: the gateway's edge-associated route table, if any. */
  edgeRouteTable?: RouteTable;
}

export interface NatGateway extends Located {
  readonly subnet: Subnet;
  readonly connectivity: 'public' | 'private';
}

export interface Peering extends Located {
  readonly requester: Vpc;
  /** Undefined when the peer VPC is not in the assembly (an unknown network). */
  readonly accepter?: Vpc;
  readonly peerDescription: string;
}

export interface FirewallEndpoint {
  readonly id: string;
  readonly firewall: Firewall;
  readonly az: string;
  readonly subnet: Subnet;
}

export interface Firewall extends Located {
  readonly vpc: Vpc;
  readonly endpoints: FirewallEndpoint[];
  readonly policy?: FirewallPolicyModel;
  /** Why the policy could not be read; the firewall then drops nothing it cannot prove. */
  readonly policyProblem?: string;
}

export interface TransitGateway extends Located {
  readonly defaultAssociation?: TgwRouteTable;
  readonly defaultPropagation?: TgwRouteTable;
  readonly attachments: TgwAttachment[];
  /** Every route table of the gateway, the default one included, in template order. */
  readonly routeTables: TgwRouteTable[];
}

export type AttachmentKind = 'vpc' | 'vpn' | 'direct-connect' | 'peering';

export interface TgwAttachment extends Located {
  readonly tgw: TransitGateway;
  readonly kind: AttachmentKind;
  readonly vpc?: Vpc;
  /** One subnet per zone (VPC attachments). */
  readonly subnets: Subnet[];
  readonly applianceMode: boolean;
  /** What the attachment propagates: the VPC CIDRs, or the on-premises prefixes it advertises. */
  prefixes: IntervalSet;
  prefixCidrs: readonly string[];
  association?: TgwRouteTable;
  /** Where the association is declared, for witnesses. */
  associationOrigin?: string;
  /** On-premises attachments: the tenant whose network is behind it, when known. */
  readonly tenant?: string;
  /** The attached resource (VPC, VPN connection or Direct Connect gateway), for lookups. */
  readonly resource: string;
}

export interface TgwRouteTable extends Located {
  readonly tgw: TransitGateway;
  readonly routes: TgwRoute[];
  readonly propagations: TgwAttachment[];
  map?: PrefixMap<TgwRoute>;
  /** From the `nhs-cloud:segment` tag: the segment the generator meant the table for. */
  readonly segment?: string;
  /** From the `nhs-cloud:lane` tag: the lane (absent on tables every lane shares). */
  readonly lane?: number;
  /** Where each propagation is declared, by attachment ID, for witnesses. */
  readonly propagationOrigins: Map<string, string>;
}

export interface TgwRoute {
  readonly destination: string;
  /** Undefined for a blackhole. */
  readonly target?: TgwAttachment;
  readonly kind: 'static' | 'propagated';
  readonly origin: string;
}

export interface NaclEntry {
  readonly ruleNumber: number;
  readonly egress: boolean;
  readonly allow: boolean;
  /** IANA protocol number; -1 for all. */
  readonly protocol: number;
  readonly addresses: IntervalSet;
  readonly ports?: IntervalSet;
  readonly origin: string;
}

export interface Nacl extends Located {
  /** Undefined for a default NACL, which allows everything. */
  readonly entries?: NaclEntry[];
}

/** A value the model could not resolve, and what it was for. */
export interface ModelGap {
  readonly resource: string;
  readonly problem: string;
}

export interface NetworkModel {
  readonly vpcs: Vpc[];
  readonly transitGateways: TransitGateway[];
  readonly firewalls: Firewall[];
  readonly peerings: Peering[];
  readonly gaps: ModelGap[];
  /** Resources left out because they name a tenant a single-tenant assembly does not hold. */
  readonly outside: ModelGap[];
}
