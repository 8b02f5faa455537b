import { EstateModel } from '../../config/model';
import { Protocol } from '../firewall/types';
import { ALL_PORTS, EMPTY, fromCidrs, IntervalSet, normalise, overlaps, union } from '../sets/interval-set';
import { intendedFlows } from './intent';
import { Owner } from './owners';

/** One block of flows estate.yaml allows: every source CIDR to every destination CIDR. */
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
 * The flows `segmentation.rules` allows, by the proof's own reading of the policy
 * (`intendedFlows`, not the planner's expansion), so a misreading in the generator shows as a
 * mismatch between the firewall and these expectations instead of agreeing with itself.
 */
export function allowedFlows(model: EstateModel): AllowedFlow[] {
  return model.estate.segmentation.rules.flatMap((rule) =>
    intendedFlows(model, rule).map((flow) => ({
      rule: rule.name,
      protocols: [flow.protocol],
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
