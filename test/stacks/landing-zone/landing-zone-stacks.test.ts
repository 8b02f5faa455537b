import { Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { allEnvironments } from '../../../lib/config/model';
import { landingZoneOf } from '../../../lib/config/schema/landing-zone-schema';
import { planCoreBaseline } from '../../../lib/planners/landing-zone/baseline-plan';
import { logBucketName, LogPurpose } from '../../../lib/planners/naming';
import { exampleModel } from '../../support/example-estate';
import { buildModel, landingZoneModel, VENDED } from './example-landing-zone';

// A cross-section of the example (ICBs, trusts with and without patient data, a national body)
// keeps the synthesis quick; test/data-protection.test.ts covers the whole example.
const full = landingZoneModel();
const model = {
  ...full,
  tenants: full.tenants.filter((t) => ['QHM', 'QJG', 'RDE', 'RGR', 'X24'].includes(t.odsCode)),
};
const { app } = buildModel(model);
const stack = (name: string) => app.node.findChild(name) as Stack;
const template = (name: string) => Template.fromStack(stack(name));
const dependencies = (name: string) =>
  stack(name)
    .dependencies.map((s) => s.stackName)
    .sort();
const organization = template('Core-Organization');
/** The one group ID the example's landing zone configures (the rest are looked up). */
const PLATFORM_ADMIN_ID = '11111111-2222-3333-4444-555555555555';
const logArchive = template('Core-LogArchive');

describe('landing zone stacks: stacks and order', () => {
  it('adds the management and deployment baselines, the backup account and one organization stack per tenant', () => {
    const names = app.node.children.filter((c): c is Stack => c instanceof Stack).map((s) => s.stackName);
    expect(names).toEqual(
      expect.arrayContaining([
        'Core-ManagementBaseline',
        'Core-DeploymentBaseline',
        'Core-Backup',
        'Org-RGR',
        'Org-QHM',
      ]),
    );
    expect(names.filter((n) => n.startsWith('Org-'))).toHaveLength(model.tenants.length);
  });

  it('deploys the organization first, then the log archive, then everything that delivers logs to it', () => {
    expect(dependencies('Core-LogArchive')).toEqual(['Core-Organization']);
    expect(dependencies('Core-Security')).toEqual(['Core-LogArchive', 'Core-Organization']);
    expect(dependencies('Core-ManagementBaseline')).toEqual(['Core-LogArchive']);
    expect(dependencies('Core-Backup')).toEqual(['Core-LogArchive']);
    expect(dependencies('Core-DeploymentBaseline')).toEqual(['Core-LogArchive']);
    expect(dependencies('Tenant-RGR-prod')).toContain('Core-LogArchive');
    expect(dependencies('Org-RGR')).toEqual(['Core-Organization']);
  });

  // Issue 14: an administrator in the management account that the deployment account can assume
  // administers the organization, SCPs included.
  it('gives the management account no platform admin role; the other accounts keep theirs', () => {
    const admin = { RoleName: 'nhs-cloud-platform-admin' };
    expect(
      Object.keys(template('Core-ManagementBaseline').findResources('AWS::IAM::Role', { Properties: admin })),
    ).toEqual([]);
    template('Core-Security').hasResourceProperties('AWS::IAM::Role', admin);
    template('Core-ManagementBaseline').hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'nhs-cloud-platform-break-glass',
    });
  });

  it('protects the stacks it adds from termination', () => {
    for (const name of ['Core-ManagementBaseline', 'Core-DeploymentBaseline', 'Core-Backup', 'Org-RGR'])
      expect(stack(name).terminationProtection).toBe(true);
  });

  it('puts a baseline in every tenant environment and core account', () => {
    const withBaseline = app.node.children
      .filter((c): c is Stack => c instanceof Stack)
      .filter((s) => Object.keys(Template.fromStack(s).findResources('Custom::AccountDefaults')).length === 1)
      .map((s) => s.stackName);
    const tenantStacks = allEnvironments(model).filter((e) => e.accountId).length;
    expect(withBaseline.filter((n) => n.startsWith('Tenant-'))).toHaveLength(tenantStacks);
    expect(withBaseline.filter((n) => n.startsWith('Core-')).sort()).toEqual([
      'Core-Backup',
      'Core-DeploymentBaseline',
      'Core-LogArchive',
      'Core-ManagementBaseline',
      'Core-Network',
      'Core-Security',
      'Core-SharedServices',
    ]);
  });
});

// Issue 14: the account whose pipeline roles reach every account gets the baseline the others have.
describe('landing zone stacks: deployment account', () => {
  const deployment = template('Core-DeploymentBaseline');

  it('deploys into the deployment account', () => {
    expect(stack('Core-DeploymentBaseline').account).toBe(model.estate.organization.accounts.deployment);
  });

  it('records configuration changes, delivered to the log archive, and keeps its keys', () => {
    deployment.resourceCountIs('AWS::Config::ConfigurationRecorder', 1);
    deployment.hasResourceProperties('AWS::Config::DeliveryChannel', {
      S3BucketName: planCoreBaseline(model.estate.homeRegion, model.estate, landingZoneOf(model.estate))
        .config.bucketName,
    });
    deployment.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('has the platform admin and break-glass roles', () => {
    deployment.hasResourceProperties('AWS::IAM::Role', { RoleName: 'nhs-cloud-platform-admin' });
    deployment.hasResourceProperties('AWS::IAM::Role', { RoleName: 'nhs-cloud-platform-break-glass' });
  });

  it('is left out when estate.yaml names no deployment account', () => {
    const accounts = { ...model.estate.organization.accounts, deployment: undefined };
    const { app: without } = buildModel({
      ...model,
      estate: { ...model.estate, organization: { ...model.estate.organization, accounts } },
    });
    expect(without.node.tryFindChild('Core-DeploymentBaseline')).toBeUndefined();
  });
});

describe('landing zone stacks: organization', () => {
  const ouId = (name: string) => ({
    'Fn::GetAtt': [
      Object.keys(
        organization.findResources('AWS::Organizations::OrganizationalUnit', { Properties: { Name: name } }),
      )[0],
      'Id',
    ],
  });

  it('attaches the guardrail SCPs to every working OU and the deny-all to Suspended', () => {
    organization.hasResourceProperties('AWS::Organizations::Policy', {
      Name: 'nhs-cloud-guardrails',
      Type: 'SERVICE_CONTROL_POLICY',
      TargetIds: ['Security', 'Infrastructure', 'National', 'Trusts', 'Sandbox'].map(ouId),
    });
    organization.hasResourceProperties('AWS::Organizations::Policy', {
      Name: 'nhs-cloud-suspended',
      TargetIds: [ouId('Suspended')],
    });
  });

  it('attaches the tag and S3 Block Public Access policies to the root', () => {
    organization.hasResourceProperties('AWS::Organizations::Policy', {
      Type: 'TAG_POLICY',
      TargetIds: ['r-ab12'],
    });
    organization.hasResourceProperties('AWS::Organizations::Policy', {
      Type: 'S3_POLICY',
      TargetIds: ['r-ab12'],
      Content: { s3_attributes: { public_access_block_configuration: { '@@assign': 'all' } } },
    });
  });

  // Regression (issue 13): the core accounts were never placed in their OUs, so no SCP applied.
  it('moves every core account but the management account into its OU', () => {
    const moves = Object.values(organization.findResources('Custom::AWS'))
      .map((r) => r.Properties.Create as { 'Fn::Join': [string, unknown[]] })
      .filter((c) => JSON.stringify(c).includes('moveAccount'));
    const destination = (account: string) =>
      moves.find((m) => JSON.stringify(m).includes(`\\"AccountId\\":\\"${account}\\"`));
    expect(moves).toHaveLength(6);
    expect(destination('100000000001')).toBeUndefined();
    expect(JSON.stringify(destination('100000000002'))).toContain(JSON.stringify(ouId('Security')));
    expect(JSON.stringify(destination('100000000004'))).toContain(JSON.stringify(ouId('Infrastructure')));
  });

  it('makes Security Hub delegated administration a CloudFormation resource', () => {
    organization.hasResourceProperties('AWS::SecurityHub::DelegatedAdmin', {
      AdminAccountId: '100000000003',
    });
  });

  it('defines the five permission sets and publishes their ARNs', () => {
    organization.resourceCountIs('AWS::SSO::PermissionSet', 5);
    organization.hasResourceProperties('AWS::SSO::PermissionSet', {
      Name: 'TenantDeveloper',
      SessionDuration: 'PT8H',
    });
    organization.hasResourceProperties('AWS::SSM::Parameter', {
      Name: '/nhs-cloud/identity/permission-set/TenantAdmin',
    });
  });

  it("publishes the platform groups' IDs: from config when known, else looked up once here", () => {
    const lookups = organization.findResources('Custom::AWS');
    const lookupOf = (group: string) =>
      Object.keys(lookups).find((id) => JSON.stringify(lookups[id].Properties).includes(`\\"${group}\\"`));
    organization.hasResourceProperties('AWS::SSM::Parameter', {
      Name: '/nhs-cloud/identity/group-id/nhs-cloud-platform-admin',
      Value: PLATFORM_ADMIN_ID,
    });
    for (const group of ['nhs-cloud-platform-security-audit', 'nhs-cloud-platform-read-only']) {
      expect(lookupOf(group)).toBeDefined();
      organization.hasResourceProperties('AWS::SSM::Parameter', {
        Name: `/nhs-cloud/identity/group-id/${group}`,
        Value: { 'Fn::GetAtt': [lookupOf(group), 'GroupId'] },
      });
    }
  });
});

describe('landing zone stacks: log archive', () => {
  const purposes: LogPurpose[] = [
    'cloudtrail',
    'vpc-flow-logs',
    'dns-query-logs',
    'network-firewall',
    'access-logs',
  ];

  it('creates each log bucket with exactly the name the other accounts write to', () => {
    const names = Object.values(logArchive.findResources('AWS::S3::Bucket')).map(
      (b) => b.Properties.BucketName,
    );
    expect(names.sort()).toEqual(purposes.map((p) => logBucketName(model.estate, p)).sort());
  });

  it('is where every tenant spoke sends its flow logs', () => {
    template('Tenant-RGR-prod').hasResourceProperties('AWS::EC2::FlowLog', {
      LogDestination: Match.stringLikeRegexp(logBucketName(model.estate, 'vpc-flow-logs')),
    });
  });

  it('runs the organization trail: every region, validated, KMS-encrypted, management and patient-data S3 events', () => {
    logArchive.hasResourceProperties('AWS::CloudTrail::Trail', {
      TrailName: 'nhs-cloud-organization',
      IsOrganizationTrail: true,
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
      S3BucketName: { Ref: Match.stringLikeRegexp('^CloudTrailBucket') },
      KMSKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AuditLogsKey'), 'Arn'] },
      AdvancedEventSelectors: [
        Match.objectLike({ Name: 'Management events' }),
        Match.objectLike({ Name: 'S3 data events on patient-data buckets' }),
      ],
    });
  });

  it("lets only the organization's log delivery service write network logs", () => {
    logArchive.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: Match.stringLikeRegexp('^VpcFlowLogsBucket') },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'LogDeliveryWrite',
            Principal: { Service: 'delivery.logs.amazonaws.com' },
            Condition: {
              StringEquals: {
                's3:x-amz-acl': 'bucket-owner-full-control',
                'aws:SourceOrgID': ['o-a1b2c3d4e5'],
              },
            },
          }),
        ]),
      },
    });
  });

  it("lets the trail and every account's Config recorder write to the audit bucket", () => {
    logArchive.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: Match.stringLikeRegexp('^CloudTrailBucket') },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'CloudTrailWrite',
            // Regression (issue 13): the management account owns an organization trail, not the
            // log archive that creates it as delegated administrator.
            Condition: {
              StringEquals: Match.objectLike({
                'aws:SourceArn': 'arn:aws:cloudtrail:eu-west-2:100000000001:trail/nhs-cloud-organization',
              }),
            },
          }),
          Match.objectLike({
            Sid: 'ConfigRecorderWrite',
            Condition: {
              ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/nhs-cloud-platform-config' },
              StringEquals: Match.objectLike({ 'aws:PrincipalOrgID': ['o-a1b2c3d4e5'] }),
            },
          }),
        ]),
      },
    });
  });
});

describe('landing zone stacks: tenant organization stacks', () => {
  const rgr = template('Org-RGR');

  it('vends the account for an environment with an e-mail and no ID, in the OU for its scope and tier', () => {
    rgr.hasResourceProperties('AWS::Organizations::Account', {
      AccountName: `nhs-cloud-RGR-${VENDED.environment}`,
      Email: VENDED.email,
      ParentIds: [{ Ref: Match.stringLikeRegexp('organizationoutrustsNonProd') }],
      Tags: Match.arrayWith([{ Key: 'icb', Value: 'QJG' }]),
    });
    rgr.hasOutput(`VendedAccountId${VENDED.environment}`, {});
  });

  it('grants access to the vended account in the same deployment', () => {
    rgr.hasResourceProperties('AWS::SSO::Assignment', {
      TargetId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Accountdev'), 'AccountId'] },
      PermissionSetArn: { Ref: Match.stringLikeRegexp('permissionsetTenantDeveloper') },
    });
  });

  it("looks up only the tenant's own groups; the platform groups' IDs come from Core-Organization", () => {
    const lookups = Object.values(rgr.findResources('Custom::AWS'))
      .map((r) => JSON.stringify(r.Properties))
      .filter((p) => p.includes('getGroupId'));
    expect(lookups).toHaveLength(3);
    for (const role of ['admin', 'developer', 'read-only'])
      expect(lookups.some((l) => l.includes(`nhs-cloud-RGR-${role}`))).toBe(true);
    rgr.hasParameter('*', {
      Type: 'AWS::SSM::Parameter::Value<String>',
      Default: '/nhs-cloud/identity/group-id/nhs-cloud-platform-security-audit',
    });
    rgr.hasResourceProperties('AWS::SSO::Assignment', {
      PrincipalId: { Ref: Match.stringLikeRegexp('identitygroupidnhscloudplatformreadonly') },
    });
    rgr.hasResourceProperties('AWS::SSO::Assignment', { PrincipalId: PLATFORM_ADMIN_ID });
  });

  // Regression (issue 13): adopted accounts (an ID, no e-mail) stayed wherever they were, so no
  // SCP applied to them and the bootstrap StackSet never reached them.
  it('moves each adopted account into the OU a vended one would get', () => {
    const moves = Object.values(rgr.findResources('Custom::AWS'))
      .map((r) => JSON.stringify(r.Properties.Create))
      .filter((c) => c.includes('moveAccount'));
    expect(moves).toHaveLength(2);
    expect(moves.find((m) => m.includes('123456789012'))).toMatch(/organizationoutrustsProd/);
    expect(moves.find((m) => m.includes('210987654321'))).toMatch(/organizationoutrustsNonProd/);
  });

  it('grants every existing environment its six assignments', () => {
    const environments = Object.keys(model.tenants.find((t) => t.odsCode === 'RGR')!.environments).length;
    rgr.resourceCountIs('AWS::SSO::Assignment', environments * 6);
  });
});

describe('landing zone stacks: without a landingZone block', () => {
  // Three tenants (those the segmentation rules name) are enough here, and keep this second synthesis quick.
  const example = exampleModel();
  const plain = buildModel({
    estate: { ...example.estate, landingZone: undefined },
    tenants: example.tenants.filter((t) => ['QHM', 'RDE', 'RGR'].includes(t.odsCode)),
  }).app;
  const org = plain.node.findChild('Core-Organization') as Stack;

  it('still synthesizes, warning about what it cannot build', () => {
    Annotations.fromStack(org).hasWarning('*', Match.stringLikeRegexp('organizationRootId is not set'));
    Annotations.fromStack(org).hasWarning('*', Match.stringLikeRegexp('endpointProtection is not set'));
    Template.fromStack(org).resourceCountIs('AWS::Organizations::OrganizationalUnit', 0);
    expect(plain.node.children.some((c) => c instanceof Stack && c.stackName.startsWith('Org-'))).toBe(false);
  });

  it('restricts log delivery to the accounts in config', () => {
    Template.fromStack(plain.node.findChild('Core-LogArchive') as Stack).hasResourceProperties(
      'AWS::S3::BucketPolicy',
      {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Sid: 'LogDeliveryCheck',
              Condition: { StringEquals: { 'aws:SourceAccount': Match.arrayWith(['100000000004']) } },
            }),
          ]),
        },
      },
    );
  });
});

describe('landing zone stacks: -c tenant=RGR', () => {
  it("builds only that tenant's organization stack", () => {
    const narrow = buildModel(model, { tenant: 'RGR' }).app;
    const orgStacks = narrow.node.children.filter(
      (c): c is Stack => c instanceof Stack && c.stackName.startsWith('Org-'),
    );
    expect(orgStacks.map((s) => s.stackName)).toEqual(['Org-RGR']);
  });
});
