import { Vpc } from '../model/types';
import { Owner } from '../policy/owners';
import { EMPTY, IntervalSet, union } from '../sets/interval-set';
import { inspected } from './inspection';
import { CheckContext } from './types';

/** Ports each owner reaches each other owner on, through an explicit firewall pass. */
export class ReachIndex {
  private readonly ports = new Map<string, IntervalSet>();
  private readonly vpcs = new Map<string, Vpc>();

  constructor(ctx: CheckContext) {
    for (const r of ctx.reachability.reaches) {
      if (r.uncertain || !inspected(r.leaf)) continue;
      const key = `${r.from.key}>${r.to.key}>${r.protocol}`;
      this.ports.set(key, union(this.ports.get(key) ?? EMPTY, r.ports));
    }
    for (const vpc of ctx.network.vpcs) {
      const owner = ctx.reachability.vpcOwner(vpc);
      if (!this.vpcs.has(owner.key)) this.vpcs.set(owner.key, vpc);
    }
  }

  inspectedPorts(from: Owner, to: Owner, protocol: string): IntervalSet {
    return this.ports.get(`${from.key}>${to.key}>${protocol}`) ?? EMPTY;
  }

  /** The owner's VPC in the assembly (undefined for an environment not yet vended). */
  vpcOf(owner: Owner): Vpc | undefined {
    return this.vpcs.get(owner.key);
  }
}
