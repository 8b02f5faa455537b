/**
 * Entry point of the network lookup function (bundled by lib/patterns/network/network-lookup.ts).
 * The Lambda runtime ships the AWS SDK v3 clients used here, so none is bundled.
 */
import { DescribeFirewallCommand, NetworkFirewallClient } from '@aws-sdk/client-network-firewall';
import { DescribeOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { requestHandlerOptions } from '../../aws-wire/ec2-client-guards';
import { lookupEc2Client } from './clients';
import { makeHandler } from './lookup';

export type { NetworkLookupEvent, NetworkLookupProperties } from './lookup';

export const handler = makeHandler({
  ec2: () => lookupEc2Client(),
  describeFirewall: async (FirewallArn) =>
    (
      await new NetworkFirewallClient({ requestHandler: requestHandlerOptions() }).send(
        new DescribeFirewallCommand({ FirewallArn }),
      )
    ).FirewallStatus?.SyncStates,
  describeOrganization: async () =>
    (
      await new OrganizationsClient({ requestHandler: requestHandlerOptions() }).send(
        new DescribeOrganizationCommand({}),
      )
    ).Organization,
});
