import { Piece, Protocol } from '../firewall/types';
import { IntervalSet } from '../sets/interval-set';
import {
  Firewall,
  FirewallEndpoint,
  InternetGateway,
  NatGateway,
  Subnet,
  TgwAttachment,
} from '../model/types';

export type HopKind =
  | 'internet'
  | 'subnet'
  | 'transit-gateway'
  | 'attachment'
  | 'firewall'
  | 'nat-gateway'
  | 'internet-gateway'
  | 'peering'
  | 'delivered'
  | 'on-premises'
  | 'outside'
  | 'dropped';

/** One step of a path: where the packet is and what decided where it goes next. */
export interface Hop {
  readonly kind: HopKind;
  /** The resource, by its construct path. */
  readonly node: string;
  /** The route, rule or zone that applied. */
  readonly via: string;
  readonly az?: string;
  readonly firewall?: Firewall;
  /** Firewall hops: the endpoint that kept the flow's state (its VPC and zone). */
  readonly endpoint?: FirewallEndpoint;
  readonly attachment?: TgwAttachment;
  readonly nat?: NatGateway;
  /** NAT hops: the sources before translation, which the reply goes back to. */
  readonly natSource?: IntervalSet;
  /** Firewall hops: whether a stateful rule passed the flow, and on what conditions. */
  readonly inspected?: boolean;
  readonly explicit?: boolean;
  readonly conditions?: readonly string[];
}

export type End =
  | { readonly kind: 'delivered'; readonly subnet: Subnet }
  | { readonly kind: 'internet'; readonly gateway: InternetGateway }
  | { readonly kind: 'on-premises'; readonly attachment: TgwAttachment }
  /** Sent somewhere the model cannot follow (an unresolved ID, an unknown peer, an instance). */
  | { readonly kind: 'outside'; readonly reason: string }
  | { readonly kind: 'dropped'; readonly reason: string };

/** Where one set of flows ended and the hops that got it there: the witness. */
export interface Leaf {
  readonly protocol: Protocol;
  readonly piece: Piece;
  readonly hops: readonly Hop[];
  readonly end: End;
}

export interface WalkOptions {
  /** Keep dropped flows (for explaining a missing path); off for bulk reachability. */
  readonly recordDrops?: boolean;
  /**
   * Walk a reply: firewalls pass it on their state table instead of their rules, and NACLs
   * (stateless) are skipped at the ends, since ephemeral ports are not modelled.
   */
  readonly reply?: boolean;
  /**
   * Every firewall passes everything, as if its rules were gone, and NACLs are skipped: what
   * routing alone allows, the same for every protocol. Used to prove that tiers are kept apart
   * by routing, not only by rules.
   */
  readonly passAll?: boolean;
  /** Shared between walks of one protocol and these options: leaves from each mid-path hop. */
  readonly memo?: Map<string, { readonly piece: Piece; readonly leaves: Leaf[] }[]>;
}

export function hopText(hop: Hop): string {
  return `${hop.kind} ${hop.node}${hop.az ? ` [${hop.az}]` : ''}${hop.via ? `: ${hop.via}` : ''}`;
}

/** The leaf's sources as they left their subnet: before the first NAT, if any. */
export function originalSource(leaf: Leaf): IntervalSet {
  return leaf.hops.find((h) => h.kind === 'nat-gateway')?.natSource ?? leaf.piece.src;
}
