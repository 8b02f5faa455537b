import { EstateConfig } from '../../config/schema/estate-schema';
import { HubSubnetPlan, hostAddress } from './hub-subnets';

/** Services every spoke reaches through the central interface endpoints in shared services. */
export const CENTRAL_ENDPOINT_SERVICES = ['ssm', 'ssmmessages', 'ec2messages', 'kms', 'logs', 'sts'] as const;

/**
 * Domains DNS Firewall blocks for every VPC: public DNS-over-HTTPS resolvers, so no workload
 * can step around Route 53 Resolver (and so around query logging and this firewall).
 */
export const BLOCKED_DOMAINS = [
  'dns.google',
  'dns.google.com',
  'cloudflare-dns.com',
  '*.cloudflare-dns.com',
  'dns.quad9.net',
  'doh.opendns.com',
  'doh.cleanbrowsing.org',
  'dns.nextdns.io',
] as const;

export interface ForwardRulePlan {
  /** Construct ID and rule name suffix: the domain with dots as dashes. */
  readonly id: string;
  readonly domain: string;
  readonly targetIps: readonly string[];
}

export interface PrivateZonePlan {
  readonly id: string;
  readonly service: string;
  /** The service's regional name, e.g. ssm.eu-west-2.amazonaws.com. */
  readonly zoneName: string;
}

export interface DnsPlan {
  /** Inbound resolver addresses, one per AZ, fixed so on-premises forwarders can name them. */
  readonly inboundIps: readonly { readonly subnetCidr: string; readonly ip: string }[];
  readonly forwardRules: readonly ForwardRulePlan[];
  readonly privateZones: readonly PrivateZonePlan[];
  readonly blockedDomains: readonly string[];
}

/**
 *   forwardedDomains [hscn.nhs.uk], resolvers [172.31.255.10] ->
 *     rule hscn-nhs-uk: hscn.nhs.uk -> 172.31.255.10:53 through the outbound endpoint
 *   resolver subnet a 10.0.8.0/24 -> inbound 10.0.8.10
 */
export function planDns(estate: EstateConfig, subnets: HubSubnetPlan): DnsPlan {
  const region = estate.homeRegion;
  return {
    inboundIps: (subnets.groups.resolver ?? []).map((s) => ({ subnetCidr: s.cidr, ip: hostAddress(s.cidr) })),
    forwardRules:
      estate.network.dns.onPremisesResolvers.length === 0
        ? []
        : estate.network.dns.forwardedDomains.map((domain) => ({
            id: domain.replace(/\./g, '-'),
            domain,
            targetIps: estate.network.dns.onPremisesResolvers,
          })),
    privateZones: CENTRAL_ENDPOINT_SERVICES.map((service) => ({
      id: service,
      service,
      zoneName: `${service}.${region}.amazonaws.com`,
    })),
    blockedDomains: BLOCKED_DOMAINS,
  };
}
