import { Match, Template } from 'aws-cdk-lib/assertions';
import { buildFixtureEstate } from '../support/fixture-estate';

describe('the spoke VPC of Tenant-RGR-prod', () => {
  const { stacks } = buildFixtureEstate({ onlyTenant: 'RGR' });
  const template = Template.fromStack(stacks.tenants.find((s) => s.stackName === 'Tenant-RGR-prod')!);

  test('uses the allocated CIDR from config', () => {
    template.resourceCountIs('AWS::EC2::VPC', 1);
    template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.64.0.0/21' });
  });

  test('has the planned private subnets in three zones and none public', () => {
    const subnets = Object.values(template.findResources('AWS::EC2::Subnet')).map((r) => ({
      az: r.Properties.AvailabilityZoneId,
      cidr: r.Properties.CidrBlock,
      publicIp: r.Properties.MapPublicIpOnLaunch,
    }));
    expect(subnets).toEqual(
      expect.arrayContaining([
        { az: 'euw2-az1', cidr: '10.64.0.0/23', publicIp: false },
        { az: 'euw2-az2', cidr: '10.64.2.0/23', publicIp: false },
        { az: 'euw2-az3', cidr: '10.64.4.0/23', publicIp: false },
        { az: 'euw2-az1', cidr: '10.64.6.0/28', publicIp: false },
        { az: 'euw2-az2', cidr: '10.64.6.16/28', publicIp: false },
        { az: 'euw2-az3', cidr: '10.64.6.32/28', publicIp: false },
      ]),
    );
    expect(subnets).toHaveLength(6);
  });

  test('has one route table per tier, shared by its three zones', () => {
    template.resourceCountIs('AWS::EC2::RouteTable', 2);
    template.resourceCountIs('AWS::EC2::SubnetRouteTableAssociation', 6);
    template.resourceCountIs('AWS::EC2::Route', 2);
  });

  test("tags subnets the way ec2.Vpc.fromLookup groups them, for tenants' own CDK apps", () => {
    for (const tier of ['workload', 'transit'])
      expect(
        Object.keys(
          template.findResources('AWS::EC2::Subnet', {
            Properties: {
              Tags: Match.arrayWith([
                { Key: 'aws-cdk:subnet-name', Value: tier },
                { Key: 'aws-cdk:subnet-type', Value: 'Isolated' },
              ]),
            },
          }),
        ),
      ).toHaveLength(3);
  });

  test('has no internet gateway, NAT gateway or Elastic IP', () => {
    template.resourceCountIs('AWS::EC2::InternetGateway', 0);
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    template.resourceCountIs('AWS::EC2::EIP', 0);
  });

  test('sends all flow logs to the central log-archive bucket', () => {
    template.hasResourceProperties('AWS::EC2::FlowLog', {
      ResourceType: 'VPC',
      TrafficType: 'ALL',
      LogDestinationType: 's3',
      LogDestination: 'arn:aws:s3:::nhs-cloud-vpc-flow-logs-100000000002-eu-west-2',
      DestinationOptions: { FileFormat: 'parquet', HiveCompatiblePartitions: true, PerHourPartition: true },
    });
  });

  test("closes the default security group through the account baseline's handler, not a Lambda of its own", () => {
    template.resourceCountIs('Custom::VpcRestrictDefaultSG', 0);
    template.resourceCountIs('AWS::Lambda::Function', 1);
    const vpc = Object.keys(template.findResources('AWS::EC2::VPC'))[0]!;
    const defaultGroup = { 'Fn::GetAtt': [vpc, 'DefaultSecurityGroup'] };
    template.hasResourceProperties('Custom::AccountDefaults', {
      ServiceToken: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BaselineAccountDefaultsHandler'), 'Arn'] },
      DefaultSecurityGroupIds: [defaultGroup],
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^BaselineAccountDefaultsRole') }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Sid: 'CloseDefaultSecurityGroups',
            Effect: 'Allow',
            Action: ['ec2:RevokeSecurityGroupEgress', 'ec2:RevokeSecurityGroupIngress'],
            Resource: {
              'Fn::Join': [
                '',
                [
                  'arn:',
                  { Ref: 'AWS::Partition' },
                  ':ec2:eu-west-2:123456789012:security-group/',
                  defaultGroup,
                ],
              ],
            },
          },
        ]),
      },
    });
  });
});
