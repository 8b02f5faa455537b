import { firewallEndpointIds } from '../assembly/attributes';
import { Unresolvable } from '../assembly/unresolvable';
import { compilePolicy } from '../firewall/policy';
import { BuildContext } from './context';
import { located } from './labels';
import { subnetOf, vpcOf } from './vpcs';
import { Firewall, FirewallEndpoint } from './types';

/**
 * Network Firewalls with one endpoint per subnet mapping (its zone is the subnet's), and
 * the policy compiled with HOME_NET defaulting to the firewall VPC's CIDRs, as AWS does.
 */
export function addFirewalls(ctx: BuildContext): void {
  for (const record of ctx.resources('AWS::NetworkFirewall::Firewall')) {
    ctx.attempt(record, () => {
      const vpc = vpcOf(ctx, ctx.text(record, 'VpcId'));
      let policy: Firewall['policy'];
      let policyProblem: string | undefined;
      try {
        const policyRecord = ctx.resolver.record(ctx.text(record, 'FirewallPolicyArn') ?? '');
        if (!policyRecord || policyRecord.type !== 'AWS::NetworkFirewall::FirewallPolicy') {
          throw new Unresolvable('its firewall policy is not in the assembly');
        }
        policy = compilePolicy(ctx.resolver, policyRecord, vpc.addresses);
      } catch (error) {
        if (!(error instanceof Unresolvable)) throw error;
        policyProblem = error.message;
        ctx.gap(located(record).label, `policy not modelled: ${error.message}`);
      }
      const firewall: Firewall = { ...located(record), vpc, endpoints: [], policy, policyProblem };
      for (const e of firewallEndpointIds(ctx.resolver, record)) {
        const endpoint: FirewallEndpoint = {
          id: e.id,
          firewall,
          az: e.az,
          subnet: subnetOf(ctx, e.subnetId),
        };
        firewall.endpoints.push(endpoint);
        ctx.firewallEndpoints.set(endpoint.id, endpoint);
      }
      ctx.firewalls.set(firewall.id, firewall);
      ctx.model.firewalls.push(firewall);
    });
  }
}
