import { EstateModel } from '../../config/model';
import { Protocol } from '../firewall/types';
import { NetworkModel } from '../model/types';
import { Reachability } from '../paths/reachability';
import { Hop } from '../paths/types';
import { AllowedFlow } from '../policy/allowed';
import { Owners } from '../policy/owners';

export const CHECKS = {
  model: 'Every network fact the proofs depend on resolves offline',
  'tenant-isolation': 'No tenant reaches another tenant except through inspection with an explicit allow',
  'tier-isolation': 'Prod and nonprod are isolated',
  'internet-egress': 'Internet egress from spokes passes the firewall, then NAT in an egress VPC',
  'internet-ingress': 'No path from the internet reaches a tenant subnet',
  'on-premises': "Each tenant reaches its own on-premises prefixes through inspection, and no other tenant's",
  'policy-flows': 'Every flow the policy allows is reachable through inspection (national services, egress)',
  symmetry:
    'No asymmetric path through the firewall: appliance mode on, replies return through the same endpoint (lane and zone)',
  'single-inspection': 'Every flow crosses exactly one inspection firewall endpoint',
  'routing-isolation': 'With every firewall passing everything, routing alone keeps prod and nonprod apart',
  plan: 'Every attachment is associated and propagated where the segmentation and lane plan puts it',
} as const;
export type CheckId = keyof typeof CHECKS;

/** One broken property, with the path that proves it (empty when the proof is an absence). */
export interface Violation {
  readonly check: CheckId;
  readonly from: string;
  readonly to: string;
  readonly protocol?: Protocol;
  /** e.g. `443`, `any`. */
  readonly ports?: string;
  readonly message: string;
  readonly witness: readonly Hop[];
  /** How many other paths showed the same problem between the same two parties. */
  readonly alsoSeen: number;
}

export interface CheckContext {
  readonly estate: EstateModel;
  readonly network: NetworkModel;
  readonly owners: Owners;
  readonly flows: readonly AllowedFlow[];
  readonly reachability: Reachability;
}

/** Collects violations, keeping the first witness per key and counting the rest. */
export class Findings {
  private readonly byKey = new Map<string, Violation>();

  add(key: string, violation: Omit<Violation, 'alsoSeen'>): void {
    const existing = this.byKey.get(key);
    if (existing) this.byKey.set(key, { ...existing, alsoSeen: existing.alsoSeen + 1 });
    else this.byKey.set(key, { ...violation, alsoSeen: 0 });
  }

  get list(): Violation[] {
    return [...this.byKey.values()];
  }
}
