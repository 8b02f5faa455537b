import { EstateConfig } from '../../config/schema/estate-schema';

/**
 * Names every stack of the network agrees on, derived from config so that no stack needs a
 * reference to another account's stack (see docs/adr/0005).
 */
export function networkNames(estate: EstateConfig) {
  const prefix = estate.name;
  return {
    prefix,
    lookupFunction: `${prefix}-network-lookup`,
    firewall: `${prefix}-inspection`,
    firewallPolicy: `${prefix}-inspection`,
    parameters: {
      transitGatewayId: `/${prefix}/network/transit-gateway-id`,
      organizationArn: `/${prefix}/network/organization-arn`,
      dnsProfileId: `/${prefix}/shared-services/dns-profile-id`,
      queryLogConfigId: `/${prefix}/shared-services/query-log-config-id`,
    },
  } as const;
}

/** Stacks the network adds beside the core and tenant stacks (shards are named in lib/planners/shards.ts). */
export const NETWORK_STACKS = {
  firewallRules: 'Core-Network-FirewallRules',
  links: 'Core-Network-Links',
} as const;
