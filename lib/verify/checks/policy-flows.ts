import { Owner } from '../policy/owners';
import { describePorts } from '../sets/format';
import { ALL_ADDRESSES, isEmpty, range, subtract } from '../sets/interval-set';
import { explainMissing } from './explain';
import { endText } from './inspection';
import { ReachIndex } from './reach-index';
import { CheckContext, Findings, Violation } from './types';

const HTTPS = 443;

/**
 * (6) Every flow estate.yaml allows exists through inspection on every port it names
 * (tenants to national services, tenant to tenant), and, when the egress allow-list is not
 * empty, every tenant environment reaches the internet on TCP 443 through inspection.
 * A missing flow's witness is the path where it is dropped.
 */
export function checkPolicyFlows(ctx: CheckContext, index: ReachIndex): Violation[] {
  const findings = new Findings();
  const ownerOfCidr = new Map<string, Owner>();
  for (const owner of ctx.owners.all)
    for (const cidr of owner.cidrs) if (!ownerOfCidr.has(cidr)) ownerOfCidr.set(cidr, owner);
  for (const flow of ctx.flows) {
    for (const s of flow.srcCidrs) {
      const from = ownerOfCidr.get(s);
      if (!from || (from.kind === 'tenant' && !index.vpcOf(from))) continue;
      for (const d of flow.dstCidrs) {
        const to = ownerOfCidr.get(d);
        if (!to || (to.kind === 'tenant' && !index.vpcOf(to))) continue;
        for (const protocol of flow.protocols) {
          const missing = subtract(flow.ports, index.inspectedPorts(from, to, protocol));
          if (isEmpty(missing)) continue;
          const vpc = index.vpcOf(from);
          const leaf = vpc ? explainMissing(vpc, to.addresses, protocol, missing[0][0]) : undefined;
          findings.add(`${flow.rule}|${from.key}|${to.key}|${protocol}`, {
            check: 'policy-flows',
            from: from.key,
            to: to.key,
            protocol,
            ports: describePorts(missing),
            message: `rule ${flow.rule}: ${from.key} cannot reach ${to.key} on ${protocol}/${describePorts(missing)}${leaf ? ` (${endText(leaf)})` : ''}`,
            witness: leaf?.hops ?? [],
          });
        }
      }
    }
  }
  if (ctx.estate.estate.segmentation.egressDomains.length === 0) return findings.list;
  const internet = subtract(ALL_ADDRESSES, ctx.owners.homeNet);
  for (const env of ctx.owners.all) {
    const vpc = env.kind === 'tenant' ? index.vpcOf(env) : undefined;
    if (!vpc) continue;
    if (!isEmpty(subtract(range(HTTPS, HTTPS), index.inspectedPorts(env, ctx.owners.internet, 'tcp')))) {
      const leaf = explainMissing(vpc, internet, 'tcp', HTTPS);
      findings.add(`egress|${env.key}`, {
        check: 'policy-flows',
        from: env.key,
        to: 'internet',
        protocol: 'tcp',
        ports: String(HTTPS),
        message: `egressDomains: ${env.key} cannot reach the internet on tcp/${HTTPS} through inspection${leaf ? ` (${endText(leaf)})` : ''}`,
        witness: leaf?.hops ?? [],
      });
    }
  }
  return findings.list;
}
