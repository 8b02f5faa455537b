import { Leaf } from '../paths/types';

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
