import { environmentsOf, EstateModel } from '../../config/model';
import { sortCidrs } from './cidr-sets';
import { FirewallRule } from './types';

/** DNS, for resolver forwarding in both directions. */
const DNS_PORT = 53;
const HTTPS_PORT = 443;

/**
 * Flows the platform itself needs, stated here once rather than in every estate.yaml:
 *
 * - tenants reach the central interface endpoints in shared services over HTTPS;
 * - the outbound resolver in shared services forwards `dns.forwardedDomains` to the
 *   on-premises resolvers, and those resolvers query the inbound resolver (UDP and TCP 53).
 */
export function platformRules(model: EstateModel): FirewallRule[] {
  const { network } = model.estate;
  const sharedServices = [network.hub.sharedServices];
  const resolvers = sortCidrs(network.dns.onPremisesResolvers.map((ip) => `${ip}/32`));
  const rules: FirewallRule[] = [
    {
      name: 'platform-interface-endpoints',
      protocol: 'tcp',
      sources: [network.tenantSupernet],
      destinations: sharedServices,
      ports: [HTTPS_PORT],
      reason: 'Every tenant uses the central interface endpoints (SSM, KMS, Logs, STS) in shared services.',
    },
  ];
  if (resolvers.length === 0) return rules;
  for (const protocol of ['udp', 'tcp'] as const) {
    rules.push(
      {
        name: `platform-dns-forwarding-${protocol}`,
        protocol,
        sources: sharedServices,
        destinations: resolvers,
        ports: [DNS_PORT],
        reason: 'The outbound resolver forwards HSCN and on-premises zones to the on-premises resolvers.',
      },
      {
        name: `platform-dns-inbound-${protocol}`,
        protocol,
        sources: resolvers,
        destinations: sharedServices,
        ports: [DNS_PORT],
        reason: 'On-premises resolvers query the inbound resolver for names in AWS.',
      },
    );
  }
  return rules;
}

/**
 * A tenant's on-premises ranges are reachable from that tenant's environments only, in both
 * directions and on any protocol (it is the tenant's own network). Routing cannot express
 * this at national scale (one route table per tenant would pass the Transit Gateway's limit),
 * so the post-inspection table knows every on-premises prefix and the firewall keys each
 * pass rule on the tenant's CIDRs: every other pair meets the default drop.
 *
 *   RGR envs [10.64.0.0/21, 10.64.8.0/21], on-premises [172.16.0.0/16] ->
 *     on-premises-RGR-outbound  ip [10.64.0.0/21, 10.64.8.0/21] -> [172.16.0.0/16]
 *     on-premises-RGR-inbound   ip [172.16.0.0/16] -> [10.64.0.0/21, 10.64.8.0/21]
 */
export function onPremisesRules(model: EstateModel): FirewallRule[] {
  return model.tenants.flatMap((tenant) => {
    const onPremises = tenant.network.onPremises;
    if (!onPremises) return [];
    const own = sortCidrs(environmentsOf(tenant, model.estate).map((e) => e.cidr));
    const site = sortCidrs(onPremises.cidrs);
    const reason = `${tenant.odsCode}'s on-premises network is reachable from ${tenant.odsCode} only.`;
    return [
      {
        name: `on-premises-${tenant.odsCode}-outbound`,
        protocol: 'ip',
        sources: own,
        destinations: site,
        reason,
      },
      {
        name: `on-premises-${tenant.odsCode}-inbound`,
        protocol: 'ip',
        sources: site,
        destinations: own,
        reason,
      },
    ];
  });
}
