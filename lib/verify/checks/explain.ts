import { Protocol } from '../firewall/types';
import { Leaf } from '../paths/types';
import { Walk } from '../paths/walk';
import { Vpc } from '../model/types';
import { IntervalSet, range } from '../sets/interval-set';

/**
 * Why a flow that should exist does not: walks it again keeping drops, from each subnet of
 * the source VPC, and returns the first path that ends anywhere but the destination.
 */
export function explainMissing(
  source: Vpc,
  dst: IntervalSet,
  protocol: Protocol,
  port: number,
): Leaf | undefined {
  for (const subnet of source.subnets) {
    const leaves = Walk.fromSubnet(
      subnet,
      { src: subnet.addresses, dst, ports: range(port, port) },
      protocol,
      { recordDrops: true },
    );
    const failed = leaves.find((l) => l.end.kind === 'dropped' || l.end.kind === 'outside');
    if (failed) return failed;
  }
  return undefined;
}
