import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { planCapacity } from '../../../lib/planners/capacity/plan-capacity';
import { shardOf, shardStackName } from '../../../lib/planners/shards';
import { buildNetworkApp, exampleModel } from './network-app';

const model = exampleModel();
const { app, stacks, network } = buildNetworkApp(model);
const stack = (name: string) => app.node.findChild(name) as Stack;
const hub = Template.fromStack(stacks.core.network);
const shared = Template.fromStack(stacks.core.sharedServices);
const links = Template.fromStack(network.links);
const shardOfTenant = (ods: string) => Template.fromStack(stack(shardStackName(shardOf(ods))));
const rgrShard = shardOfTenant('RGR');

/** Logical ID of a segment's route table in the hub. */
function tableId(segment: string): string {
  const tables = hub.findResources('AWS::EC2::TransitGatewayRouteTable', {
    Properties: { Tags: Match.arrayWith([{ Key: 'nhs-cloud:segment', Value: segment }]) },
  });
  return Object.keys(tables)[0];
}
/** The Core-Network output that publishes a segment's table (its value is the table's Ref). */
function tableOutput(segment: string): string {
  const outputs = hub.toJSON().Outputs as Record<string, { Value: unknown }>;
  const names = Object.keys(outputs).filter(
    (n) => JSON.stringify(outputs[n].Value) === JSON.stringify({ Ref: tableId(segment) }),
  );
  expect(names).toHaveLength(1);
  return names[0];
}
/** How other stacks of the network account read a route table: by its planned output name in Core-Network. */
const remoteTable = (segment: string) => ({
  'Fn::GetStackOutput': { StackName: 'Core-Network', OutputName: tableOutput(segment), Region: 'eu-west-2' },
});

describe('hub shards', () => {
  const spokeAtt = (key: string) => ({ 'Fn::GetAtt': [Match.stringLikeRegexp('^Attachments1'), key] });

  test.each([
    ['RGR', 'SpokeRGRprod', 'tenants-prod'],
    ['RGR', 'SpokeRGRnonprod', 'tenants-nonprod'],
    ['X24', 'SpokeX24prod', 'national-services'],
  ])('%s: %s associates with %s and propagates to post-inspection', (ods, key, segment) => {
    const shard = shardOfTenant(ods);
    shard.hasResourceProperties('AWS::EC2::TransitGatewayRouteTableAssociation', {
      TransitGatewayAttachmentId: spokeAtt(key),
      TransitGatewayRouteTableId: remoteTable(segment),
    });
    shard.hasResourceProperties('AWS::EC2::TransitGatewayRouteTablePropagation', {
      TransitGatewayAttachmentId: spokeAtt(key),
      TransitGatewayRouteTableId: remoteTable('post-inspection'),
    });
  });

  test('finds spoke attachments by their account at deploy time', () => {
    rgrShard.hasResourceProperties('Custom::NetworkLookup', {
      ServiceToken: 'arn:aws:lambda:eu-west-2:100000000004:function:nhs-cloud-network-lookup',
      Attachments: Match.objectLike({ SpokeRGRprod: { Type: 'vpc', Owner: '300000000200' } }),
    });
  });

  test('blackholes a tenant’s prod CIDR in tenants-nonprod and its nonprod CIDR in both prod-tier tables', () => {
    const blackhole = (cidr: string, segment: string) =>
      rgrShard.hasResourceProperties('AWS::EC2::TransitGatewayRoute', {
        DestinationCidrBlock: cidr,
        Blackhole: true,
        TransitGatewayRouteTableId: remoteTable(segment),
      });
    blackhole('10.64.64.0/21', 'tenants-nonprod');
    blackhole('10.64.72.0/21', 'tenants-prod');
    blackhole('10.64.72.0/21', 'national-services');
    rgrShard.resourceCountIs('AWS::EC2::TransitGatewayRoute', 3);
  });

  test('builds the VPN the capacity plan sized, on both devices, with BGP into on-premises', () => {
    const connections = planCapacity(model).hub.vpnConnections.RGR;
    rgrShard.resourceCountIs('AWS::EC2::CustomerGateway', 2);
    rgrShard.hasResourceProperties('AWS::EC2::CustomerGateway', { BgpAsn: 65010, IpAddress: '203.0.113.11' });
    rgrShard.resourceCountIs('AWS::EC2::VPNConnection', connections);
    rgrShard.hasResourceProperties('AWS::EC2::VPNConnection', { StaticRoutesOnly: false, Type: 'ipsec.1' });
    rgrShard.hasResourceProperties('AWS::EC2::TransitGatewayRouteTableAssociation', {
      TransitGatewayAttachmentId: spokeAtt(`VpnRGR${connections}`),
      TransitGatewayRouteTableId: remoteTable('on-premises'),
    });
  });

  test('hold exactly the resources the shard planner counted', () => {
    for (const shard of network.plan.shards) {
      const template = stack(shard.stackName);
      expect([shard.stackName, Object.keys(Template.fromStack(template).toJSON().Resources).length]).toEqual([
        shard.stackName,
        shard.resources,
      ]);
    }
  });

  test('an environment without an account gets no association', () => {
    expect(JSON.stringify(shardOfTenant('QHM').toJSON())).not.toContain('SpokeQHMnonprod');
  });
});

describe('spokes', () => {
  const spoke = Template.fromStack(stack('Tenant-RGR-prod'));

  test('have no internet gateway and no NAT', () => {
    for (const t of stacks.tenants.map((s) => Template.fromStack(s))) {
      t.resourceCountIs('AWS::EC2::InternetGateway', 0);
      t.resourceCountIs('AWS::EC2::NatGateway', 0);
    }
  });

  test("attach with their three transit subnets and send 0.0.0.0/0 from each tier's one route table to the gateway", () => {
    spoke.hasResourceProperties('AWS::EC2::TransitGatewayVpcAttachment', {
      TransitGatewayId: { Ref: 'TransitGatewayIdParameter' },
      SubnetIds: [0, 1, 2].map(() => ({ Ref: Match.stringLikeRegexp('^SpoketransitSubnet') })),
      Options: Match.objectLike({ ApplianceModeSupport: 'disable' }),
    });
    const defaults = spoke.findResources('AWS::EC2::Route', {
      Properties: {
        DestinationCidrBlock: '0.0.0.0/0',
        TransitGatewayId: { Ref: 'TransitGatewayIdParameter' },
      },
    });
    const tables = Object.values(defaults).map((r) => (r.Properties.RouteTableId as { Ref: string }).Ref);
    expect(tables.sort()).toEqual([
      expect.stringMatching(/^SpoketransitRouteTable/),
      expect.stringMatching(/^SpokeworkloadRouteTable/),
    ]);
    // Every subnet uses its tier's table, so every subnet has the default route.
    const associations = Object.values(spoke.findResources('AWS::EC2::SubnetRouteTableAssociation'));
    expect(associations).toHaveLength(6);
    for (const table of tables) {
      const subnets = associations
        .filter((a) => a.Properties.RouteTableId.Ref === table)
        .map((a) => a.Properties.SubnetId.Ref as string);
      expect(subnets).toHaveLength(3);
      expect(new Set(subnets).size).toBe(3);
    }
  });

  test('read the hub’s IDs from parameters shared by ARN, at deploy time', () => {
    spoke.templateMatches({
      Parameters: {
        TransitGatewayIdParameter: {
          Type: 'AWS::SSM::Parameter::Value<String>',
          Default: 'arn:aws:ssm:eu-west-2:100000000004:parameter/nhs-cloud/network/transit-gateway-id',
        },
        DnsProfileIdParameter: {
          Default: 'arn:aws:ssm:eu-west-2:100000000005:parameter/nhs-cloud/shared-services/dns-profile-id',
        },
      },
    });
  });

  test('associate the estate DNS profile and central query logging', () => {
    spoke.hasResourceProperties('AWS::Route53Profiles::ProfileAssociation', {
      ProfileId: { Ref: 'DnsProfileIdParameter' },
    });
    spoke.hasResourceProperties('AWS::Route53Resolver::ResolverQueryLoggingConfigAssociation', {
      ResolverQueryLogConfigId: { Ref: 'QueryLogConfigIdParameter' },
    });
  });
});

describe('shared services', () => {
  test('resolver endpoints: inbound at fixed addresses, outbound forwarding to on-premises', () => {
    shared.hasResourceProperties('AWS::Route53Resolver::ResolverEndpoint', {
      Direction: 'INBOUND',
      IpAddresses: [
        Match.objectLike({ Ip: '10.0.8.10' }),
        Match.objectLike({ Ip: '10.0.8.138' }),
        Match.objectLike({ Ip: '10.0.9.10' }),
      ],
    });
    shared.hasResourceProperties('AWS::Route53Resolver::ResolverRule', {
      RuleType: 'FORWARD',
      DomainName: 'hscn.nhs.uk',
      TargetIps: [{ Ip: '172.31.255.10', Port: '53' }],
    });
  });

  test('query logs go to the log archive and DNS Firewall blocks the domain list', () => {
    shared.hasResourceProperties('AWS::Route53Resolver::ResolverQueryLoggingConfig', {
      DestinationArn: 'arn:aws:s3:::nhs-cloud-dns-query-logs-100000000002-eu-west-2',
    });
    shared.hasResourceProperties('AWS::Route53Resolver::FirewallRuleGroup', {
      FirewallRules: [Match.objectLike({ Action: 'BLOCK', BlockResponse: 'NXDOMAIN' })],
    });
    shared.resourceCountIs('AWS::Route53Resolver::FirewallRuleGroupAssociation', 1);
  });

  test('central endpoints without private DNS, each with a private zone carried by the profile', () => {
    shared.resourceCountIs('AWS::EC2::VPCEndpoint', 6);
    shared.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceName: 'com.amazonaws.eu-west-2.ssm',
      PrivateDnsEnabled: false,
    });
    shared.hasResourceProperties('AWS::Route53::HostedZone', { Name: 'ssm.eu-west-2.amazonaws.com.' });
    // 1 forwarding rule + 6 zones + DNS Firewall
    shared.resourceCountIs('AWS::Route53Profiles::ProfileResourceAssociation', 8);
  });

  test('attaches to the hub and has no internet gateway', () => {
    shared.resourceCountIs('AWS::EC2::TransitGatewayVpcAttachment', 1);
    shared.resourceCountIs('AWS::EC2::InternetGateway', 0);
  });

  test('the links stack associates its attachment with shared-services and propagates it', () => {
    links.hasResourceProperties('Custom::NetworkLookup', {
      Attachments: { SharedServices: { Type: 'vpc', Owner: '100000000005' } },
    });
    links.hasResourceProperties('AWS::EC2::TransitGatewayRouteTableAssociation', {
      TransitGatewayRouteTableId: remoteTable('shared-services'),
    });
    links.hasResourceProperties('AWS::EC2::TransitGatewayRouteTablePropagation', {
      TransitGatewayRouteTableId: remoteTable('post-inspection'),
    });
  });
});
