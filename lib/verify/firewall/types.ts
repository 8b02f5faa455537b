import { IntervalSet } from '../sets/interval-set';

export type Protocol = 'tcp' | 'udp' | 'icmp';
export const PROTOCOLS: readonly Protocol[] = ['tcp', 'udp', 'icmp'];

/** A set of flows of one protocol: source addresses, destination addresses, destination ports. */
export interface Piece {
  readonly src: IntervalSet;
  readonly dst: IntervalSet;
  /** Destination ports; all ports for ICMP. */
  readonly ports: IntervalSet;
}

/** What a rule matches: a box of flows over the protocols it names. */
export interface MatchBox {
  readonly protocols: readonly Protocol[];
  readonly src: IntervalSet;
  readonly dst: IntervalSet;
  readonly ports: IntervalSet;
}

export type StatefulAction = 'pass' | 'drop' | 'reject' | 'alert';

export interface StatefulRule {
  readonly action: StatefulAction;
  readonly box: MatchBox;
  /**
   * Matches that depend on payload or state the model cannot see (TLS SNI, HTTP host,
   * content, a source port): the rule then matches some of the box's flows, not all.
   */
  readonly conditions: readonly string[];
  /** `group: msg (sid N)`, shown in witnesses. */
  readonly label: string;
}

export type StatelessAction = 'pass' | 'drop' | 'forward';

export interface StatelessRule {
  readonly action: StatelessAction;
  readonly box: MatchBox;
  readonly label: string;
}

/** A firewall policy compiled for one firewall (HOME_NET depends on where it runs). */
export interface FirewallPolicyModel {
  readonly label: string;
  readonly statelessRules: readonly StatelessRule[];
  readonly statelessDefault: StatelessAction;
  /** In evaluation order: strict order as written, else AWS's action order (pass, drop, reject, alert). */
  readonly statefulRules: readonly StatefulRule[];
  readonly statefulDefault: 'pass' | 'drop';
  /** The default actions as written, e.g. `aws:drop_established`. */
  readonly statefulDefaultLabel: string;
  readonly strictOrder: boolean;
}

/** How the firewall treated part of a flow. */
export interface FirewallOutcome {
  readonly piece: Piece;
  readonly verdict: 'pass' | 'drop';
  /** The deciding rule, or the default action. */
  readonly reason: string;
  /** Pass by a stateful rule (inspected), as opposed to a stateless pass or a default pass. */
  readonly inspected: boolean;
  readonly explicit: boolean;
  readonly conditions: readonly string[];
}
