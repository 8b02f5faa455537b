import { describePorts } from '../sets/format';
import { endText, inspectedAt } from './inspection';
import { CheckContext, Findings, Violation } from './types';
import { Vpc } from '../model/types';
import { Owners } from '../policy/owners';
import { isEmpty, subtract } from '../sets/interval-set';

/**
 * An egress VPC: lane 1's (`network.hub.egress` in config), or a lane's in `network.hub.lanes`
 * that its template tags as one (docs/adr/0024-hub-lanes.md).
 */
export function isEgressVpc(vpc: Vpc, ownerKey: string, owners: Owners): boolean {
  if (ownerKey === 'hub/egress') return true;
  const lanes = owners.byKey.get('hub/lanes');
  return (
    vpc.tags['nhs-cloud:role'] === 'egress' && !!lanes && isEmpty(subtract(vpc.addresses, lanes.addresses))
  );
}

/**
 * (3) Internet egress from a spoke passes an explicit firewall pass, then a NAT gateway in
 * the egress VPC, then that VPC's internet gateway.
 * (4) Nothing from the internet reaches a tenant subnet.
 */
export function checkInternet(ctx: CheckContext): Violation[] {
  const findings = new Findings();
  const { vpcOwner } = ctx.reachability;
  for (const r of ctx.reachability.reaches) {
    const ports = describePorts(r.ports);
    const base = { from: r.from.key, to: r.to.key, protocol: r.protocol, ports, witness: r.leaf.hops };
    if (r.from.kind === 'internet' && r.to.kind === 'tenant') {
      findings.add(`in|${r.to.key}`, {
        ...base,
        check: 'internet-ingress',
        message: `the internet reaches ${r.to.key} on ${r.protocol}/${ports}`,
      });
      continue;
    }
    if (r.from.kind !== 'tenant' || r.to.kind !== 'internet') continue;
    const key = `out|${r.from.key}`;
    if (r.uncertain) {
      findings.add(`${key}|outside`, {
        ...base,
        check: 'internet-egress',
        message: `internet-bound traffic from ${r.from.key} leaves the model (${endText(r.leaf)})`,
      });
      continue;
    }
    const hops = r.leaf.hops;
    const firewall = inspectedAt(r.leaf);
    const nat = hops.findIndex(
      (h, i) => i > firewall && h.kind === 'nat-gateway' && h.nat?.connectivity === 'public',
    );
    const natVpc = nat >= 0 ? hops[nat].nat!.subnet.vpc : undefined;
    const end = r.leaf.end;
    const problems: string[] = [];
    if (firewall < 0) problems.push('without an explicit pass by the inspection firewall');
    if (!natVpc) problems.push(firewall < 0 ? 'and without NAT after it' : 'without NAT after the firewall');
    else if (!isEgressVpc(natVpc, vpcOwner(natVpc).key, ctx.owners))
      problems.push(`through NAT in ${natVpc.label}, not an egress VPC`);
    if (end.kind === 'internet' && natVpc && end.gateway.vpc !== natVpc)
      problems.push(`through ${end.gateway.label}, not the NAT's VPC`);
    if (problems.length > 0) {
      findings.add(`${key}|${problems[0]}`, {
        ...base,
        check: 'internet-egress',
        message: `${r.from.key} reaches the internet on ${r.protocol}/${ports} ${problems.join(', ')}`,
      });
    }
  }
  return findings.list;
}
