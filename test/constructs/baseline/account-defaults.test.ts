import { App, Stack, aws_kms as kms } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { existsSync } from 'node:fs';
import { AccountDefaults } from '../../../constructs/baseline/account-defaults';
import { ACCOUNT_DEFAULTS_ENTRY } from '../../../constructs/baseline/handler-code';

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
      new AccountDefaults(stack, 'AccountDefaults', {
        ebsKey: new kms.Key(stack, 'Ebs'),
        logsKey: new kms.Key(stack, 'Logs'),
        logRetentionDays: 2922,
        roleName: 'nhs-cloud-platform-account-defaults',
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
const [template] = templates as [Template];

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

  it('passes the EBS key to the handler through the custom resource', () => {
    template.hasResourceProperties('Custom::AccountDefaults', {
      KmsKeyArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Ebs'), 'Arn'] },
    });
  });

  it('lets the handler change only the EC2 account defaults and describe the EBS key', () => {
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
            ],
            Resource: '*',
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

  it('runs under the platform role name, which the SCPs exempt', () => {
    template.hasResourceProperties('AWS::IAM::Role', { RoleName: 'nhs-cloud-platform-account-defaults' });
  });
});
