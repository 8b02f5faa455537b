/**
 * The parts of two AWS SDK v3 clients the lookup uses. Lambda's Node.js runtime ships them and
 * the bundle leaves `@aws-sdk/*` out, but they are not installed here: once
 * `@aws-sdk/client-network-firewall` and `@aws-sdk/client-organizations` are dev dependencies,
 * delete this file.
 */
declare module '@aws-sdk/client-network-firewall' {
  export class DescribeFirewallCommand {
    constructor(input: { FirewallArn?: string; FirewallName?: string });
  }
  export class NetworkFirewallClient {
    constructor(config: object);
    send(command: DescribeFirewallCommand): Promise<{
      FirewallStatus?: {
        SyncStates?: Record<string, { Attachment?: { EndpointId?: string } }>;
      };
    }>;
  }
}

declare module '@aws-sdk/client-organizations' {
  export class DescribeOrganizationCommand {
    constructor(input: object);
  }
  export class OrganizationsClient {
    constructor(config: object);
    send(command: DescribeOrganizationCommand): Promise<{ Organization?: { Arn?: string } }>;
  }
}
