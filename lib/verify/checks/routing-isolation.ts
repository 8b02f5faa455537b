import { Reachability } from '../paths/reachability';
import { describePorts } from '../sets/format';
import { Findings, Violation } from './types';

/**
 * (9) Tiers apart by routing alone: with every firewall passing everything, no path joins a
 * prod and a nonprod environment. The firewall rules pair tiers too, but a wrong rule, or a
 * firewall that fails open, must not be enough to join them (docs/adr/0024-hub-lanes.md).
 * `routingOnly` is the reachability walked with `passAll`.
 */
export function checkRoutingIsolation(routingOnly: Reachability): Violation[] {
  const findings = new Findings();
  for (const r of routingOnly.reaches) {
    if (r.from.kind !== 'tenant' || r.to.kind !== 'tenant' || r.from.tier === r.to.tier) continue;
    findings.add(`${r.from.key}|${r.to.key}`, {
      check: 'routing-isolation',
      from: r.from.key,
      to: r.to.key,
      protocol: r.protocol,
      ports: describePorts(r.ports),
      message: `with every firewall passing everything, ${r.from.tier} ${r.from.key} reaches ${r.to.tier} ${r.to.key}: routing alone does not keep the tiers apart`,
      witness: r.leaf.hops,
    });
  }
  return findings.list;
}
