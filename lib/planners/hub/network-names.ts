import { EstateConfig } from '../../config/schema/estate-schema';

/**
 * Names the network's stacks agree on, derived from config so that no stack needs a reference
 * to another account's stack (docs/adr/0005-cross-account-network-values.md).
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
