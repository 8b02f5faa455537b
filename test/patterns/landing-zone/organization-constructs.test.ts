import { App, Stack, aws_kms as kms } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AccountAssignments } from '../../../lib/patterns/landing-zone/account-assignments';
import { OrganizationPolicy } from '../../../lib/patterns/landing-zone/organization-policy';
import { OrganizationServices } from '../../../lib/patterns/landing-zone/organization-services';
import { OrganizationUnits } from '../../../lib/patterns/landing-zone/organization-units';
import { sdkCallLogs } from '../../../lib/patterns/landing-zone/sdk-call';
import { VendedAccount } from '../../../lib/patterns/landing-zone/vended-account';
import { ORGANIZATIONAL_UNITS } from '../../../lib/planners/landing-zone/organization-units';

const app = new App({ analyticsReporting: false, builtinCloudFormationValidation: false });
const stack = new Stack(app, 'Management', { env: { account: '100000000001', region: 'eu-west-2' } });
const logsKey = new kms.Key(stack, 'LogsKey');
const logs = () => sdkCallLogs(stack, { retentionDays: 2922, encryptionKey: logsKey });
const units = new OrganizationUnits(stack, 'Units', {
  rootId: 'r-ab12',
  units: ORGANIZATIONAL_UNITS,
  parameterPrefix: '/nhs-cloud/organization/ou',
});
new OrganizationServices(stack, 'Services', {
  calls: [
    {
      id: 'First',
      service: 'Organizations',
      action: 'enableAWSServiceAccess',
      parameters: { ServicePrincipal: 'config.amazonaws.com' },
      iamActions: ['organizations:EnableAWSServiceAccess'],
    },
    {
      id: 'Second',
      service: 'Organizations',
      action: 'registerDelegatedAdministrator',
      parameters: { AccountId: '100000000003' },
      iamActions: ['organizations:RegisterDelegatedAdministrator'],
      alreadyDone: 'AccountAlreadyRegisteredException',
      after: ['First'],
    },
  ],
  logGroup: logs(),
});
new VendedAccount(stack, 'Account', {
  accountName: 'nhs-cloud-RGR-dev',
  email: 'aws-rgr-dev@wsh.nhs.uk',
  environment: 'dev',
  parentId: units.idOf('trustsNonProd'),
  accountTags: { 'ods-code': 'RGR', environment: 'dev', icb: 'QJG', 'cost-centre': undefined },
});
new AccountAssignments(stack, 'Access', {
  instanceArn: 'arn:aws:sso:::instance/ssoins-0123456789abcdef',
  identityStoreId: 'd-0123456789',
  assignments: [
    {
      id: 'prod-admin',
      accountId: '200000000001',
      permissionSet: 'TenantAdmin',
      group: 'nhs-cloud-RGR-admin',
    },
    {
      id: 'nonprod-admin',
      accountId: '200000000002',
      permissionSet: 'TenantAdmin',
      group: 'nhs-cloud-RGR-admin',
    },
    {
      id: 'prod-platform-admin',
      accountId: '200000000001',
      permissionSet: 'PlatformAdmin',
      group: 'nhs-cloud-platform-admin',
    },
  ],
  permissionSetArn: (name) => `arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-${name}`,
  groupIds: { 'nhs-cloud-platform-admin': '11111111-2222-3333-4444-555555555555' },
  logGroup: logs,
});
const template = Template.fromStack(stack);
const ou = (name: string) =>
  Object.entries(
    template.findResources('AWS::Organizations::OrganizationalUnit', { Properties: { Name: name } }),
  )[0]![0];

describe('OrganizationUnits', () => {
  it('builds the tree under the root, children under their parent, all retained', () => {
    template.resourceCountIs('AWS::Organizations::OrganizationalUnit', 8);
    template.hasResource('AWS::Organizations::OrganizationalUnit', {
      Properties: { Name: 'Trusts', ParentId: 'r-ab12' },
      DeletionPolicy: 'Retain',
    });
    template.hasResourceProperties('AWS::Organizations::OrganizationalUnit', {
      Name: 'Prod',
      ParentId: { 'Fn::GetAtt': [ou('Trusts'), 'Id'] },
    });
  });

  it('publishes each OU ID for the tenant organization stacks', () => {
    template.hasResourceProperties('AWS::SSM::Parameter', {
      Name: '/nhs-cloud/organization/ou/trustsProd',
      Value: { 'Fn::GetAtt': [ou('Prod'), 'Id'] },
    });
  });

  it('names a missing OU', () => {
    expect(() => units.idOf('archive')).toThrow(
      "OrganizationUnits: no OU 'archive' (parents must come before children)",
    );
  });
});

describe('OrganizationPolicy', () => {
  it('refuses a document over the limit for its type', () => {
    const other = new Stack(new App(), 'Other');
    expect(
      () =>
        new OrganizationPolicy(other, 'Big', {
          name: 'big',
          description: 'too big',
          type: 'SERVICE_CONTROL_POLICY',
          content: { Version: '2012-10-17', Statement: [{ Sid: 'x'.repeat(5200) }] },
          targetIds: ['r-ab12'],
        }),
    ).toThrow(
      /^OrganizationPolicy big: content is 52\d\d characters, over the 5120 limit for SERVICE_CONTROL_POLICY$/,
    );
  });
});

describe('OrganizationServices', () => {
  it('makes each call at deploy time with the SDK the Lambda runtime ships, in order', () => {
    const calls = template.findResources('Custom::AWS');
    const first = Object.entries(calls).find(([id]) => id.startsWith('ServicesFirst'))![0];
    const second = Object.values(calls).find((r) =>
      String(r.Properties.Create).includes('registerDelegatedAdministrator'),
    )!;
    expect(JSON.parse(second.Properties.Create)).toMatchObject({
      service: 'Organizations',
      action: 'registerDelegatedAdministrator',
      ignoreErrorCodesMatching: 'AccountAlreadyRegisteredException',
    });
    expect(second.Properties.Delete).toBeUndefined();
    expect(second.Properties.InstallLatestAwsSdk).toBe(false);
    expect(second.DependsOn).toEqual(expect.arrayContaining([first]));
  });

  it('shares one retained, encrypted log group between the calls', () => {
    template.resourceCountIs('AWS::Logs::LogGroup', 1);
    template.hasResource('AWS::Logs::LogGroup', {
      DeletionPolicy: 'Retain',
      Properties: { RetentionInDays: 2922, KmsKeyId: Match.anyValue() },
    });
  });
});

describe('VendedAccount', () => {
  it('creates the account in its OU, retained, with its own tags and an output for sync-accounts', () => {
    template.hasResource('AWS::Organizations::Account', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        AccountName: 'nhs-cloud-RGR-dev',
        Email: 'aws-rgr-dev@wsh.nhs.uk',
        RoleName: 'OrganizationAccountAccessRole',
        ParentIds: [{ 'Fn::GetAtt': [ou('NonProd'), 'Id'] }],
        Tags: [
          { Key: 'environment', Value: 'dev' },
          { Key: 'icb', Value: 'QJG' },
          { Key: 'ods-code', Value: 'RGR' },
        ],
      },
    });
    template.hasOutput('VendedAccountIddev', {
      Value: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Account'), 'AccountId'] },
    });
  });
});

describe('AccountAssignments', () => {
  it('looks up only the groups config gives no ID for, once each', () => {
    const lookups = Object.values(template.findResources('Custom::AWS')).filter((r) =>
      String(r.Properties.Create).includes('getGroupId'),
    );
    expect(
      lookups.map((r) => JSON.parse(r.Properties.Create).parameters.AlternateIdentifier.UniqueAttribute),
    ).toEqual([{ AttributePath: 'DisplayName', AttributeValue: 'nhs-cloud-RGR-admin' }]);
  });

  it('assigns each group its permission set on the account', () => {
    template.resourceCountIs('AWS::SSO::Assignment', 3);
    template.hasResourceProperties('AWS::SSO::Assignment', {
      PermissionSetArn: 'arn:aws:sso:::permissionSet/ssoins-0123456789abcdef/ps-PlatformAdmin',
      PrincipalId: '11111111-2222-3333-4444-555555555555',
      PrincipalType: 'GROUP',
      TargetId: '200000000001',
      TargetType: 'AWS_ACCOUNT',
    });
    template.hasResourceProperties('AWS::SSO::Assignment', {
      TargetId: '200000000002',
      PrincipalId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AccessGroupnhscloudRGRadmin'), 'GroupId'] },
    });
  });
});
