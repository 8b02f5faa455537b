import { describePorts } from '../sets/format';
import { endpointText } from './inspection';
import { CheckContext, Findings, Violation } from './types';

/**
 * (8) Exactly one inspection hop: every flow that crosses a firewall crosses exactly one
 * endpoint on its way, so it is inspected once, in one lane (docs/adr/0024-hub-lanes.md). A
 * flow that meets two firewalls (a second lane, or the same lane twice) is inspected where its
 * reply is not, and its state is split. The reply's side is checked by `symmetry`.
 */
export function checkSingleInspection(ctx: CheckContext): Violation[] {
  const findings = new Findings();
  for (const r of ctx.reachability.reaches) {
    if (r.uncertain) continue;
    const firewalls = r.leaf.hops.filter((h) => h.kind === 'firewall');
    if (firewalls.length <= 1) continue;
    findings.add(`twice|${r.from.key}|${r.to.key}`, {
      check: 'single-inspection',
      from: r.from.key,
      to: r.to.key,
      protocol: r.protocol,
      ports: describePorts(r.ports),
      message: `${r.from.key} reaches ${r.to.key} through ${firewalls.length} firewall endpoints (${firewalls.map(endpointText).join(', then ')}); a flow is inspected once`,
      witness: r.leaf.hops,
    });
  }
  return findings.list;
}
