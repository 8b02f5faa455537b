import { EstateModel } from '../../config/model';
import { flowRulesOf } from '../../planners/segmentation/flow-rules';
import { Protocol, PROTOCOLS } from '../firewall/types';
import { ALL_PORTS, EMPTY, fromCidrs, IntervalSet, normalise, overlaps, union } from '../sets/interval-set';
import { Owner } from './owners';

/** One flow estate.yaml allows, expanded to address sets the same way the firewall plan does. */
export interface AllowedFlow {
  readonly rule: string;
  readonly protocols: readonly Protocol[];
  readonly src: IntervalSet;
  readonly dst: IntervalSet;
  readonly srcCidrs: readonly string[];
  readonly dstCidrs: readonly string[];
  readonly ports: IntervalSet;
}

/**
 * The flows `segmentation.rules` allows, through the planner's own expansion (`flowRulesOf`),
 * so a tenant or segment endpoint means the same CIDRs here as in the firewall.
 */
export function allowedFlows(model: EstateModel): AllowedFlow[] {
  return model.estate.segmentation.rules.flatMap((rule) =>
    flowRulesOf(model, rule).map((flow) => ({
      rule: rule.name,
      protocols: flow.protocol === 'ip' ? PROTOCOLS : [flow.protocol],
      src: fromCidrs(flow.sources),
      dst: fromCidrs(flow.destinations),
      srcCidrs: flow.sources,
      dstCidrs: flow.destinations,
      ports: flow.ports ? normalise(flow.ports.map((p) => [p, p] as const)) : ALL_PORTS,
    })),
  );
}

/** Ports the policy allows from one owner to another on a protocol (empty: none). */
export function allowedPorts(
  flows: readonly AllowedFlow[],
  from: Owner,
  to: Owner,
  protocol: Protocol,
): IntervalSet {
  let ports = EMPTY;
  for (const flow of flows) {
    if (!flow.protocols.includes(protocol)) continue;
    if (overlaps(flow.src, from.addresses) && overlaps(flow.dst, to.addresses))
      ports = union(ports, flow.ports);
  }
  return ports;
}
