import { describePorts } from '../sets/format';
import { isEmpty, subtract } from '../sets/interval-set';
import { allowedPorts } from '../policy/allowed';
import { endText, inspected } from './inspection';
import { CheckContext, Findings, Violation } from './types';

/**
 * (1) Tenant isolation: between environments of two different tenants in the same tier,
 * every reach must pass an explicit stateful allow, on ports a segmentation rule allows.
 * (2) Tier isolation: nothing crosses between prod and nonprod, by any path.
 */
export function checkIsolation(ctx: CheckContext): Violation[] {
  const findings = new Findings();
  for (const r of ctx.reachability.reaches) {
    if (r.from.kind !== 'tenant' || r.to.kind !== 'tenant') continue;
    const ports = describePorts(r.ports);
    const base = { from: r.from.key, to: r.to.key, protocol: r.protocol, ports, witness: r.leaf.hops };
    if (r.from.tier !== r.to.tier) {
      findings.add(`tier|${r.from.key}|${r.to.key}`, {
        ...base,
        check: 'tier-isolation',
        message: `${r.from.tier} ${r.from.key} reaches ${r.to.tier} ${r.to.key} on ${r.protocol}/${ports}${r.uncertain ? ` (possibly: ${endText(r.leaf)})` : ''}`,
      });
      continue;
    }
    if (r.from.tenant === r.to.tenant) continue;
    const key = `tenant|${r.from.key}|${r.to.key}`;
    if (r.uncertain) {
      findings.add(`${key}|outside`, {
        ...base,
        check: 'tenant-isolation',
        message: `traffic from ${r.from.key} to ${r.to.key} leaves the model (${endText(r.leaf)}), so isolation cannot be proved`,
      });
    } else if (!inspected(r.leaf)) {
      findings.add(`${key}|uninspected`, {
        ...base,
        check: 'tenant-isolation',
        message: `${r.from.key} reaches ${r.to.key} on ${r.protocol}/${ports} without an explicit pass by the inspection firewall`,
      });
    } else {
      const extra = subtract(r.ports, allowedPorts(ctx.flows, r.from, r.to, r.protocol));
      if (!isEmpty(extra)) {
        findings.add(`${key}|${r.protocol}`, {
          ...base,
          ports: describePorts(extra),
          check: 'tenant-isolation',
          message: `${r.from.key} reaches ${r.to.key} on ${r.protocol}/${describePorts(extra)}, which no segmentation rule allows`,
        });
      }
    }
  }
  return findings.list;
}
