import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { planCapacity } from '../../../lib/planners/capacity/plan-capacity';
import { MANAGED_RULE_GROUPS } from '../../../lib/planners/segmentation/firewall-groups';
import { shardOf, shardStackName } from '../../../lib/planners/shards';
import { buildNetworkApp, exampleModel } from './network-app';

const model = exampleModel();
const { app, stacks, network } = buildNetworkApp(model);
const stack = (name: string) => app.node.findChild(name) as Stack;
const hub = Template.fromStack(stacks.core.network);
const rules = Template.fromStack(network.firewallRules);
const shardOfTenant = (ods: string) => Template.fromStack(stack(shardStackName(shardOf(ods))));
const rgrShard = shardOfTenant('RGR');

/** Logical ID of a segment's route table in the hub. */
function tableId(segment: string): string {
  const tables = hub.findResources('AWS::EC2::TransitGatewayRouteTable', {
    Properties: { Tags: Match.arrayWith([{ Key: 'nhs-cloud:segment', Value: segment }]) },
  });
  return Object.keys(tables)[0];
}
const tableRef = (segment: string) => ({ Ref: tableId(segment) });
const attachmentRef = (prefix: string) => {
  const found = hub.findResources('AWS::EC2::TransitGatewayVpcAttachment');
  return { Ref: Object.keys(found).find((id) => id.startsWith(prefix))! };
};

describe('Transit Gateway', () => {
  test('has default association and propagation off, ECMP for VPN, and auto-accepts inert attachments', () => {
    hub.hasResourceProperties('AWS::EC2::TransitGateway', {
      AmazonSideAsn: 64512,
      DefaultRouteTableAssociation: 'disable',
      DefaultRouteTablePropagation: 'disable',
      VpnEcmpSupport: 'enable',
      AutoAcceptSharedAttachments: 'enable',
    });
  });

  test('has one route table per segment', () => {
    hub.resourceCountIs('AWS::EC2::TransitGatewayRouteTable', 6);
    for (const s of [
      'national-services',
      'tenants-prod',
      'tenants-nonprod',
      'shared-services',
      'on-premises',
      'post-inspection',
    ]) {
      expect(tableId(s)).toBeDefined();
    }
  });

  test.each(['national-services', 'tenants-prod', 'tenants-nonprod', 'shared-services', 'on-premises'])(
    '%s sends 0.0.0.0/0 to the inspection attachment',
    (segment) => {
      hub.hasResourceProperties('AWS::EC2::TransitGatewayRoute', {
        TransitGatewayRouteTableId: tableRef(segment),
        DestinationCidrBlock: '0.0.0.0/0',
        TransitGatewayAttachmentId: attachmentRef('InspectionAttachment'),
      });
    },
  );

  test('post-inspection sends 0.0.0.0/0 to egress and blackholes RFC 1918', () => {
    hub.hasResourceProperties('AWS::EC2::TransitGatewayRoute', {
      TransitGatewayRouteTableId: tableRef('post-inspection'),
      DestinationCidrBlock: '0.0.0.0/0',
      TransitGatewayAttachmentId: attachmentRef('EgressAttachment'),
    });
    for (const cidr of ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']) {
      hub.hasResourceProperties('AWS::EC2::TransitGatewayRoute', {
        TransitGatewayRouteTableId: tableRef('post-inspection'),
        DestinationCidrBlock: cidr,
        Blackhole: true,
      });
    }
  });

  test('inspection is associated with post-inspection and egress with shared-services; neither propagates', () => {
    hub.hasResourceProperties('AWS::EC2::TransitGatewayRouteTableAssociation', {
      TransitGatewayAttachmentId: attachmentRef('InspectionAttachment'),
      TransitGatewayRouteTableId: tableRef('post-inspection'),
    });
    hub.hasResourceProperties('AWS::EC2::TransitGatewayRouteTableAssociation', {
      TransitGatewayAttachmentId: attachmentRef('EgressAttachment'),
      TransitGatewayRouteTableId: tableRef('shared-services'),
    });
    const propagations = hub.findResources('AWS::EC2::TransitGatewayRouteTablePropagation');
    expect(Object.values(propagations).map((p) => p.Properties.TransitGatewayRouteTableId)).toEqual([
      tableRef('post-inspection'),
    ]);
  });

  test('is shared with the organization, found at deploy time, with its ID as a shared parameter', () => {
    hub.hasResourceProperties('AWS::RAM::ResourceShare', {
      AllowExternalPrincipals: false,
      Principals: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Organization'), 'OrganizationArn'] }],
      ResourceArns: Match.arrayWith([
        {
          'Fn::Join': [
            '',
            [
              'arn:aws:ec2:eu-west-2:100000000004:transit-gateway/',
              { Ref: Match.stringLikeRegexp('^TransitGateway') },
            ],
          ],
        },
      ]),
    });
    hub.hasResourceProperties('AWS::SSM::Parameter', {
      Name: '/nhs-cloud/network/transit-gateway-id',
      Tier: 'Advanced',
    });
  });
});

describe('inspection', () => {
  test('attaches in appliance mode', () => {
    hub.hasResourceProperties('AWS::EC2::TransitGatewayVpcAttachment', {
      Options: { ApplianceModeSupport: 'enable', DnsSupport: 'enable', Ipv6Support: 'disable' },
      Tags: Match.arrayWith([{ Key: 'Name', Value: 'inspection' }]),
    });
  });

  test('has a firewall endpoint in each AZ and logs alerts and flows to the log archive', () => {
    hub.hasResourceProperties('AWS::NetworkFirewall::Firewall', {
      SubnetMappings: Match.arrayWith([Match.objectLike({ SubnetId: Match.anyValue() })]),
      DeleteProtection: true,
    });
    expect(
      Object.values(hub.findResources('AWS::NetworkFirewall::Firewall'))[0].Properties.SubnetMappings,
    ).toHaveLength(3);
    hub.hasResourceProperties('AWS::NetworkFirewall::LoggingConfiguration', {
      LoggingConfiguration: {
        LogDestinationConfigs: ['ALERT', 'FLOW'].map((type) => ({
          LogType: type,
          LogDestinationType: 'S3',
          // No prefix (issue 13): `alert/AWSLogs/...` is outside the bucket policy's AWSLogs/*.
          LogDestination: { bucketName: 'nhs-cloud-network-firewall-100000000002-eu-west-2' },
        })),
      },
    });
  });

  // Zones by ID (issue 13): the lookup finds each zone's endpoint by its firewall subnet, and
  // each transit subnet routes to the endpoint of its own zone.
  test('routes each transit subnet to the firewall endpoint of its own zone', () => {
    const subnets = hub.findResources('AWS::EC2::Subnet');
    const zoneOf = (subnetId: string) => subnets[subnetId]!.Properties.AvailabilityZoneId as string;
    const lookups = Object.values(hub.findResources('Custom::NetworkLookup')).filter(
      (r) => r.Properties.FirewallSubnets,
    );
    const firewallSubnets = lookups[0]!.Properties.FirewallSubnets as Record<string, { Ref: string }>;
    expect(Object.keys(firewallSubnets).sort()).toEqual(['euw2-az1', 'euw2-az2', 'euw2-az3']);
    for (const [zone, subnet] of Object.entries(firewallSubnets)) {
      expect(subnet.Ref).toMatch(/^InspectionfirewallSubnet/);
      expect(zoneOf(subnet.Ref)).toBe(zone);
    }
    const associations = Object.values(hub.findResources('AWS::EC2::SubnetRouteTableAssociation'));
    const subnetOfTable = (table: string) =>
      associations.find((a) => a.Properties.RouteTableId.Ref === table)!.Properties.SubnetId.Ref as string;
    const toFirewall = Object.values(
      hub.findResources('AWS::EC2::Route', {
        Properties: {
          VpcEndpointId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^InspectionEndpoints'), Match.anyValue()] },
        },
      }),
    );
    expect(toFirewall).toHaveLength(3);
    for (const route of toFirewall) {
      const zone = zoneOf(subnetOfTable(route.Properties.RouteTableId.Ref));
      expect(route.Properties.VpcEndpointId['Fn::GetAtt'][1]).toBe(`Endpoint${zone.replace(/-/g, '')}`);
    }
  });

  test('the policy is strict order with a default drop, managed threat groups first, then the estate groups', () => {
    const arn = (name: string, account: string) =>
      `arn:aws:network-firewall:eu-west-2:${account}:stateful-rulegroup/${name}`;
    hub.hasResourceProperties('AWS::NetworkFirewall::FirewallPolicy', {
      FirewallPolicy: {
        StatefulEngineOptions: { RuleOrder: 'STRICT_ORDER', StreamExceptionPolicy: 'DROP' },
        StatefulDefaultActions: ['aws:drop_established', 'aws:alert_established'],
        StatelessDefaultActions: ['aws:forward_to_sfe'],
        StatefulRuleGroupReferences: [
          ...MANAGED_RULE_GROUPS.map((name, i) => ({
            Priority: i + 1,
            ResourceArn: arn(name, 'aws-managed'),
          })),
          { Priority: 100, ResourceArn: arn('nhs-cloud-segmentation', '100000000004') },
          { Priority: 200, ResourceArn: arn('nhs-cloud-egress', '100000000004') },
        ],
        PolicyVariables: {
          RuleVariables: { HOME_NET: { Definition: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] } },
        },
      },
    });
  });

  test('the rule groups hold the planned rules in strict order', () => {
    rules.hasResourceProperties('AWS::NetworkFirewall::RuleGroup', {
      RuleGroupName: 'nhs-cloud-segmentation',
      Type: 'STATEFUL',
      RuleGroup: {
        StatefulRuleOptions: { RuleOrder: 'STRICT_ORDER' },
        RulesSource: {
          RulesString: Match.stringLikeRegexp(
            'pass tcp 10\\.64\\.64\\.0/21 any -> 10\\.64\\.32\\.0/21 \\[443,2575\\] \\(msg:"rgr-to-rde"',
          ),
        },
      },
    });
    rules.hasResourceProperties('AWS::NetworkFirewall::RuleGroup', {
      RuleGroupName: 'nhs-cloud-egress',
      RuleGroup: {
        RulesSource: { RulesString: Match.stringLikeRegexp('tls.sni; dotprefix; content:".nhs.uk"') },
      },
    });
  });
});

describe('egress', () => {
  test('has the estate’s only internet gateway and a NAT gateway per AZ', () => {
    hub.resourceCountIs('AWS::EC2::InternetGateway', 1);
    hub.resourceCountIs('AWS::EC2::NatGateway', 3);
  });

  test('sends replies for private ranges back to the Transit Gateway', () => {
    hub.hasResourceProperties('AWS::EC2::Route', {
      DestinationCidrBlock: '10.0.0.0/8',
      TransitGatewayId: { Ref: Match.stringLikeRegexp('^TransitGateway') },
    });
  });
});

describe('IPAM', () => {
  test('has pools for the hub ranges and the tenant supernet, and records each hub range', () => {
    hub.resourceCountIs('AWS::EC2::IPAMPool', 2);
    hub.hasResourceProperties('AWS::EC2::IPAMPoolCidr', { Cidr: '10.64.0.0/10' });
    for (const cidr of ['10.0.0.0/22', '10.0.4.0/22', '10.0.8.0/21']) {
      hub.hasResourceProperties('AWS::EC2::IPAMAllocation', { Cidr: cidr });
    }
  });

  test('records every tenant environment in its shard, vended or not', () => {
    const qhm = shardOfTenant('QHM');
    qhm.hasResourceProperties('AWS::EC2::IPAMAllocation', { Cidr: '10.64.0.0/21', Description: 'QHM prod' });
    qhm.hasResourceProperties('AWS::EC2::IPAMAllocation', {
      Cidr: '10.64.8.0/21',
      Description: 'QHM nonprod',
    });
  });
});

describe('Direct Connect', () => {
  test('one gateway, associated with the Transit Gateway, advertising only its members’ environments', () => {
    hub.hasResourceProperties('AWS::DirectConnect::DirectConnectGateway', { AmazonSideAsn: '64513' });
    // RDE's two environments; the resolvers are in no tenant's network, so no shared services.
    hub.hasResourceProperties('AWS::DirectConnect::DirectConnectGatewayAssociation', {
      AllowedPrefixesToDirectConnectGateway: ['10.64.32.0/21', '10.64.40.0/21'],
    });
  });

  test('without transit VIFs in config, the hub builds none and warns that the gateway carries nothing', () => {
    hub.resourceCountIs('AWS::DirectConnect::TransitVirtualInterface', 0);
    Annotations.fromStack(stacks.core.network).hasWarning(
      '*',
      Match.stringLikeRegexp('^Direct Connect gateway 1 \\(RDE\\) has transit VIFs at 0 of 2 locations'),
    );
  });

  test('a LAG per location with the capacity plan’s ports and speed', () => {
    const dx = planCapacity(model).hub.directConnect!;
    hub.resourceCountIs('AWS::DirectConnect::Lag', 2);
    hub.resourceCountIs('AWS::DirectConnect::Connection', 2 * dx.lagPorts);
    hub.hasResourceProperties('AWS::DirectConnect::Lag', {
      Location: 'EqLD5',
      ConnectionsBandwidth: `${dx.portSpeedMbps / 1000}Gbps`,
    });
  });

  test('its attachment joins on-premises and propagates to post-inspection', () => {
    const att = { 'Fn::GetAtt': [Match.stringLikeRegexp('^DirectConnectAttachment'), 'DirectConnect'] };
    hub.hasResourceProperties('AWS::EC2::TransitGatewayRouteTableAssociation', {
      TransitGatewayAttachmentId: att,
      TransitGatewayRouteTableId: tableRef('on-premises'),
    });
    hub.hasResourceProperties('AWS::EC2::TransitGatewayRouteTablePropagation', {
      TransitGatewayAttachmentId: att,
      TransitGatewayRouteTableId: tableRef('post-inspection'),
    });
  });
});

describe('deploy order', () => {
  // Core-LogArchive first: every core account delivers its logs there.
  const deps = (name: string) =>
    stack(name)
      .dependencies.map((s) => s.stackName)
      .sort();

  test('rules before the hub, the hub before shared services, shared services before links', () => {
    expect(deps('Core-Network')).toEqual(['Core-LogArchive', 'Core-Network-FirewallRules']);
    expect(deps('Core-SharedServices')).toContain('Core-Network');
    expect(deps('Core-Network-Links')).toEqual(expect.arrayContaining(['Core-SharedServices']));
  });

  test('a shard after its tenants’ stacks and the hub', () => {
    expect(deps(shardStackName(shardOf('RGR')))).toEqual([
      'Core-Network',
      'Tenant-RGR-nonprod',
      'Tenant-RGR-prod',
    ]);
  });
});

describe('-c tenant=RGR', () => {
  const only = buildNetworkApp(model, 'RGR');

  test('builds only RGR’s shard, identical to the full build’s', () => {
    expect(only.network.shards.map((s) => s.stackName)).toEqual([shardStackName(shardOf('RGR'))]);
    expect(Template.fromStack(only.network.shards[0]).toJSON()).toEqual(rgrShard.toJSON());
  });

  test('builds the same hub', () => {
    expect(Template.fromStack(only.stacks.core.network).toJSON()).toEqual(hub.toJSON());
  });
});
