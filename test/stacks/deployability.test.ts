import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { buildModel, landingZoneModel } from './landing-zone/example-landing-zone';

/**
 * Faults a first real deployment would hit although the templates synthesize (issue 13). Each
 * test names the fault it pins; all of them failed on the code before the fix.
 */
const full = landingZoneModel();
const model = {
  estate: { ...full.estate, landingZone: { ...full.estate.landingZone!, cdkQualifier: 'nhscloud' } },
  tenants: full.tenants.filter((t) => ['QHM', 'RDE', 'RGR', 'X24'].includes(t.odsCode)),
};
const { app } = buildModel(model);
const stacks = app.node.children.filter((c): c is Stack => c instanceof Stack);
const template = (name: string) => Template.fromStack(app.node.findChild(name) as Stack);

describe('deploys through the bootstrap qualifier in config', () => {
  // The SCPs exempt cdk-<landingZone.cdkQualifier>-*; stacks deployed through cdk-hnb659fds-*
  // roles, so CloudFormation's own execution role was denied.
  it.each(stacks.map((s) => [s.stackName, s] as const))('%s', (_name, stack) => {
    const json = Template.fromStack(stack).toJSON();
    expect(json.Parameters.BootstrapVersion.Default).toBe('/cdk-bootstrap/nhscloud/version');
    expect(JSON.stringify(json)).not.toContain('hnb659fds');
  });
});

describe('one qualifier, from config', () => {
  // The qualifier, the bootstrap and the SCP exemptions must agree (docs/deploy.md is held to the
  // live config in test/docs/deploy-doc.test.ts).
  it("is the bootstrap StackSet's and the one the guardrails exempt", () => {
    const [stackSet] = Object.values(
      template('Core-Organization').findResources('AWS::CloudFormation::StackSet'),
    );
    expect(stackSet!.Properties.Parameters).toContainEqual({
      ParameterKey: 'Qualifier',
      ParameterValue: 'nhscloud',
    });
    const scps = JSON.stringify(template('Core-Organization').findResources('AWS::Organizations::Policy'));
    expect(scps).toContain('arn:aws:iam::*:role/cdk-nhscloud-*');
  });

  it('bootstraps only once AWS Organizations trusts StackSets', () => {
    const organization = template('Core-Organization');
    const [id] = Object.keys(organization.findResources('AWS::CloudFormation::StackSet'));
    const access = Object.entries(organization.findResources('Custom::AWS')).find(([, r]) =>
      JSON.stringify(r.Properties.Create).includes('activateOrganizationsAccess'),
    )![0];
    expect(organization.toJSON().Resources[id!].DependsOn).toContain(access);
  });
});

describe('hub VPC flow logs', () => {
  // ec2.FlowLog rendered destinationOptions as fileFormat/hiveCompatiblePartitions/perHourPartition.
  it('spells the destination options as CloudFormation does', () => {
    for (const name of ['Core-Network', 'Core-SharedServices']) {
      const flowLogs = Object.values(template(name).findResources('AWS::EC2::FlowLog'));
      expect(flowLogs.length).toBeGreaterThan(0);
      for (const flowLog of flowLogs)
        expect(flowLog.Properties.DestinationOptions).toEqual({
          FileFormat: 'parquet',
          HiveCompatiblePartitions: true,
          PerHourPartition: true,
        });
    }
  });
});

describe('Network Firewall logs', () => {
  // A prefix of `alert` or `flow` writes to alert/AWSLogs/..., outside the bucket's AWSLogs/* grant.
  it('write under AWSLogs/, where the log bucket lets the delivery service write', () => {
    const [logging] = Object.values(
      template('Core-Network').findResources('AWS::NetworkFirewall::LoggingConfiguration'),
    );
    const configs = logging!.Properties.LoggingConfiguration.LogDestinationConfigs as Record<
      string,
      unknown
    >[];
    expect(configs.map((c) => [c.LogType, c.LogDestination])).toEqual(
      ['ALERT', 'FLOW'].map((type) => [
        type,
        { bucketName: 'nhs-cloud-network-firewall-100000000002-eu-west-2' },
      ]),
    );
  });
});

describe("Core-Security's deploy-time SDK calls", () => {
  // The singleton function's generated role name is not a platform principal, so the SCP that
  // protects GuardDuty denied its UpdateDetector.
  it('run as a role with the platform prefix', () => {
    const security = template('Core-Security');
    security.hasResourceProperties('AWS::IAM::Role', { RoleName: 'nhs-cloud-platform-sdk-core-security' });
    const functions = security.findResources('AWS::Lambda::Function', {
      Properties: {
        Handler: 'index.handler',
        Role: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SdkCallRole'), 'Arn'] },
      },
    });
    expect(Object.keys(functions)).toHaveLength(1);
  });
});

describe('VPN tunnels', () => {
  // Tunnels took AWS's defaults (IKEv1, AES-128, SHA-1, DH group 2 accepted) and logged nothing.
  it('pin IKEv2 and strong ciphers and log to the network account', () => {
    const shard = stacks.find(
      (s) => Object.keys(Template.fromStack(s).findResources('AWS::EC2::VPNConnection')).length,
    )!;
    const connections = Object.values(Template.fromStack(shard).findResources('AWS::EC2::VPNConnection'));
    for (const connection of connections) {
      const tunnels = connection.Properties.VpnTunnelOptionsSpecifications;
      expect(tunnels).toHaveLength(2);
      for (const tunnel of tunnels) {
        expect(tunnel.IKEVersions).toEqual([{ Value: 'ikev2' }]);
        expect(tunnel.Phase1EncryptionAlgorithms).toEqual([{ Value: 'AES256-GCM-16' }]);
        expect(tunnel.Phase2DHGroupNumbers).toEqual([{ Value: 20 }, { Value: 19 }, { Value: 14 }]);
        expect(tunnel.LogOptions.CloudwatchLogOptions).toEqual({
          LogEnabled: true,
          LogGroupArn: 'arn:aws:logs:eu-west-2:100000000004:log-group:/nhs-cloud/vpn-tunnels',
          LogOutputFormat: 'json',
        });
      }
    }
    template('Core-Network').hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/nhs-cloud/vpn-tunnels',
      KmsKeyId: Match.anyValue(),
    });
  });
});

describe('availability zones', () => {
  // Zone names map to different physical zones in each account: a spoke subnet "in eu-west-2a"
  // of a tenant account and the hub's "eu-west-2a" in the network account could be different
  // zones. Every subnet, hub and spoke alike, is placed by zone ID from config.
  const zoneIds = model.estate.availabilityZones[model.estate.homeRegion]!;
  it.each(stacks.map((s) => [s.stackName, s] as const))(
    '%s places every subnet by zone ID',
    (_name, stack) => {
      const subnets = Object.values(Template.fromStack(stack).findResources('AWS::EC2::Subnet'));
      for (const subnet of subnets) {
        expect(subnet.Properties.AvailabilityZone).toBeUndefined();
        expect(zoneIds).toContain(subnet.Properties.AvailabilityZoneId);
      }
    },
  );

  it('puts spoke and hub transit subnets in the same zones', () => {
    const zonesOf = (name: string, pattern: RegExp) =>
      Object.entries(template(name).findResources('AWS::EC2::Subnet'))
        .filter(([id]) => pattern.test(id))
        .map(([, s]) => s.Properties.AvailabilityZoneId as string)
        .sort();
    expect(zonesOf('Tenant-RGR-prod', /^SpoketransitSubnet/)).toEqual([...zoneIds].sort());
    expect(zonesOf('Core-Network', /^InspectiontransitSubnet/)).toEqual([...zoneIds].sort());
  });
});
