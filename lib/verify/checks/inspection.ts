import { Vpc } from '../model/types';
import { Hop, Leaf } from '../paths/types';

/** Index of the first hop where a stateful firewall rule explicitly passed the flow, or -1. */
export function inspectedAt(leaf: Leaf): number {
  return leaf.hops.findIndex((h) => h.kind === 'firewall' && h.inspected === true && h.explicit === true);
}

export function inspected(leaf: Leaf): boolean {
  return inspectedAt(leaf) >= 0;
}

/** Why a leaf's flows are not known to arrive: its end, in words. */
export function endText(leaf: Leaf): string {
  const end = leaf.end;
  switch (end.kind) {
    case 'delivered':
      return `delivered to ${end.subnet.label}`;
    case 'internet':
      return `out to the internet through ${end.gateway.label}`;
    case 'on-premises':
      return `out to on-premises through ${end.attachment.label}`;
    case 'outside':
    case 'dropped':
      return end.reason;
  }
}

/**
 * Where a firewall hop kept the flow's state: the endpoint's VPC (the lane) and its zone. The
 * lane is the VPC's `nhs-cloud:lane` tag where the template has one, else the VPC itself.
 */
export function endpointText(hop: Hop): string {
  const vpc = hop.endpoint?.subnet.vpc ?? hop.firewall?.vpc;
  const lane = vpc?.tags['nhs-cloud:lane'];
  return `${hop.firewall?.label ?? hop.node}${lane ? ` (lane ${lane})` : ''}`;
}

/** The VPC of the endpoint a firewall hop crossed: state lives per endpoint, not per firewall. */
export function endpointVpc(hop: Hop): Vpc | undefined {
  return hop.endpoint?.subnet.vpc ?? hop.firewall?.vpc;
}
