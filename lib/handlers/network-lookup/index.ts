/**
 * Entry point of the network lookup function (bundled by lib/patterns/network/network-lookup.ts).
 * The Lambda runtime ships the AWS SDK v3 clients used here, so none is bundled.
 */
import { EC2Client } from '@aws-sdk/client-ec2';
import { DescribeFirewallCommand, NetworkFirewallClient } from '@aws-sdk/client-network-firewall';
import { DescribeOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { makeHandler } from './lookup';

export type { NetworkLookupEvent, NetworkLookupProperties } from './lookup';

export const handler = makeHandler({
  ec2: () => new EC2Client({}),
  describeFirewall: async (FirewallArn) =>
    (await new NetworkFirewallClient({}).send(new DescribeFirewallCommand({ FirewallArn }))).FirewallStatus
      ?.SyncStates,
  describeOrganization: async () =>
    (await new OrganizationsClient({}).send(new DescribeOrganizationCommand({}))).Organization,
});
