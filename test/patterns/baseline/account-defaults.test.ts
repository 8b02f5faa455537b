import { App, Stack, aws_ec2 as ec2, aws_kms as kms } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { existsSync } from 'node:fs';
import { AccountDefaults } from '../../../lib/patterns/baseline/account-defaults';
import { ACCOUNT_DEFAULTS_ENTRY } from '../../../lib/patterns/baseline/handler-code';

function build(stacks: number): { templates: Template[]; bundlings: number } {
  const messages: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((text) => {
    messages.push(String(text));
    return true;
  });
  try {
    const app = new App({ analyticsReporting: false, builtinCloudFormationValidation: false });
    const built = Array.from({ length: stacks }, (_, i) => {
      const stack = new Stack(app, `Account${i}`, {
        env: { account: `20000000000${i}`, region: 'eu-west-2' },
      });
      // The first stack closes a VPC's default security group, as a tenant stack does.
      const vpc =
        i === 0
          ? new ec2.Vpc(stack, 'Vpc', { restrictDefaultSecurityGroup: false, subnetConfiguration: [] })
          : undefined;
      new AccountDefaults(stack, 'AccountDefaults', {
        ebsKey: new kms.Key(stack, 'Ebs'),
        logsKey: new kms.Key(stack, 'Logs'),
        logRetentionDays: 2922,
        roleName: 'nhs-cloud-platform-account-defaults',
        defaultSecurityGroupIds: vpc && [vpc.vpcDefaultSecurityGroup],
      });
      return stack;
    });
    const templates = built.map((s) => Template.fromStack(s));
    return { templates, bundlings: messages.filter((m) => m.includes('Bundling asset')).length };
  } finally {
    spy.mockRestore();
  }
}

const { templates, bundlings } = build(3);
const [template, withoutGroups] = templates as [Template, Template];
const handlerId = (t: Template) =>
  Object.keys(t.findResources('AWS::Lambda::Function', { Properties: { Handler: 'index.handler' } }))[0]!;
const defaultGroup = { 'Fn::GetAtt': [Match.stringLikeRegexp('^Vpc'), 'DefaultSecurityGroup'] };

describe('AccountDefaults', () => {
  it('points at the handler another module owns', () => {
    expect(ACCOUNT_DEFAULTS_ENTRY).toMatch(/lib\/handlers\/account-defaults\/index\.ts$/);
    expect(existsSync(ACCOUNT_DEFAULTS_ENTRY)).toBe(true);
  });

  it('bundles the handler once per process however many stacks use it, into one shared asset', () => {
    expect(bundlings).toBe(1);
    const codeOf = (t: Template) =>
      Object.values(
        t.findResources('AWS::Lambda::Function', { Properties: { Handler: 'index.handler' } }),
      )[0]!.Properties.Code;
    expect(new Set(templates.map((t) => codeOf(t).S3Key)).size).toBe(1);
  });

  it('passes the EBS key and the default security groups to the handler through the custom resource', () => {
    template.hasResourceProperties('Custom::AccountDefaults', {
      KmsKeyArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Ebs'), 'Arn'] },
      DefaultSecurityGroupIds: [defaultGroup],
    });
    withoutGroups.hasResourceProperties('Custom::AccountDefaults', {
      DefaultSecurityGroupIds: Match.absent(),
    });
  });

  it('is served by the handler itself: its ARN is the service token, no Provider framework', () => {
    template.hasResourceProperties('Custom::AccountDefaults', {
      ServiceToken: { 'Fn::GetAtt': [handlerId(template), 'Arn'] },
    });
    template.resourceCountIs('AWS::Lambda::Function', 1);
    // Role, policy, log group, function, custom resource (the VPC and keys are the test's).
    const own = Object.keys(template.toJSON().Resources).filter((id) => id.startsWith('AccountDefaults'));
    expect(own).toHaveLength(5);
  });

  it('keeps its one log group for the estate retention, encrypted and retained', () => {
    template.resourceCountIs('AWS::Logs::LogGroup', 1);
    template.hasResource('AWS::Logs::LogGroup', {
      DeletionPolicy: 'Retain',
      Properties: {
        RetentionInDays: 2922,
        KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Logs'), 'Arn'] },
      },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp('^AccountDefaultsHandlerLogs') } },
    });
  });

  it('lets the handler change only the EC2 account defaults and its default security groups, and describe the EBS key', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^AccountDefaultsRole') }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Sid: 'Ec2AccountDefaults',
            Effect: 'Allow',
            Action: [
              'ec2:EnableEbsEncryptionByDefault',
              'ec2:GetEbsDefaultKmsKeyId',
              'ec2:GetEbsEncryptionByDefault',
              'ec2:GetInstanceMetadataDefaults',
              'ec2:ModifyEbsDefaultKmsKeyId',
              'ec2:ModifyInstanceMetadataDefaults',
              'ec2:DescribeSecurityGroups',
            ],
            Resource: '*',
          },
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
                  ':ec2:eu-west-2:200000000000:security-group/',
                  defaultGroup,
                ],
              ],
            },
          },
          {
            Effect: 'Allow',
            Action: 'kms:DescribeKey',
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Ebs'), 'Arn'] },
          },
        ]),
      },
    });
  });

  it('asks for no security group permission when it closes no security group', () => {
    const statements = Object.values(withoutGroups.findResources('AWS::IAM::Policy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as { Action: string | string[] }[],
    );
    expect(JSON.stringify(statements.map((s) => s.Action))).not.toContain('SecurityGroup');
  });

  it('runs under the platform role name, which the SCPs exempt', () => {
    template.hasResourceProperties('AWS::IAM::Role', { RoleName: 'nhs-cloud-platform-account-defaults' });
  });
});
