import { describePorts } from '../sets/format';
import { isEmpty } from '../sets/interval-set';
import { explainMissing } from './explain';
import { endText, inspected } from './inspection';
import { ReachIndex } from './reach-index';
import { CheckContext, Findings, Violation } from './types';

/** The port a missing on-premises path is probed on (the policy allows any). */
const PROBE_PORT = 443;

/**
 * (5) Each tenant environment reaches its own on-premises prefixes through inspection, and
 * nothing crosses between one tenant's environments and another tenant's on-premises
 * network, in either direction.
 */
export function checkOnPremises(ctx: CheckContext, index: ReachIndex): Violation[] {
  const findings = new Findings();
  for (const r of ctx.reachability.reaches) {
    const outbound = r.from.kind === 'tenant' && r.to.kind === 'on-premises';
    const inbound = r.from.kind === 'on-premises' && r.to.kind === 'tenant';
    if (!outbound && !inbound) continue;
    const env = outbound ? r.from : r.to;
    const site = outbound ? r.to : r.from;
    const ports = describePorts(r.ports);
    const base = {
      check: 'on-premises' as const,
      from: r.from.key,
      to: r.to.key,
      protocol: r.protocol,
      ports,
      witness: r.leaf.hops,
    };
    if (site.tenant !== env.tenant) {
      const whose = site.tenant
        ? `${site.tenant}'s on-premises network`
        : 'on-premises addresses no tenant declares';
      findings.add(`other|${r.from.key}|${r.to.key}`, {
        ...base,
        message: outbound
          ? `${env.key} reaches ${whose} on ${r.protocol}/${ports}${r.uncertain ? ` (possibly: ${endText(r.leaf)})` : ''}`
          : `${whose} reaches ${env.key} on ${r.protocol}/${ports}${r.uncertain ? ` (possibly: ${endText(r.leaf)})` : ''}`,
      });
    } else if (r.uncertain || !inspected(r.leaf)) {
      findings.add(`uninspected|${r.from.key}|${r.to.key}`, {
        ...base,
        message: `${r.from.key} reaches ${r.to.key} without an explicit pass by the inspection firewall`,
      });
    }
  }
  for (const env of ctx.owners.all) {
    if (env.kind !== 'tenant') continue;
    const site = ctx.owners.byKey.get(`on-premises/${env.tenant}`);
    const vpc = index.vpcOf(env);
    if (!site || !vpc) continue;
    const reached = ['tcp', 'udp', 'icmp'].some((p) => !isEmpty(index.inspectedPorts(env, site, p)));
    if (reached) continue;
    const leaf = explainMissing(vpc, site.addresses, 'tcp', PROBE_PORT);
    findings.add(`own|${env.key}`, {
      check: 'on-premises',
      from: env.key,
      to: site.key,
      protocol: 'tcp',
      ports: String(PROBE_PORT),
      message: `${env.key} cannot reach its own on-premises network ${site.cidrs.join(', ')} through inspection${leaf ? ` (${endText(leaf)})` : ''}`,
      witness: leaf?.hops ?? [],
    });
  }
  return findings.list;
}
