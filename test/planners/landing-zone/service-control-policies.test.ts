import { landingZoneOf } from '../../../lib/config/schema/landing-zone-schema';
import { EstateConfig } from '../../../lib/config/schema/estate-schema';
import { policyCharacters, PolicyStatement } from '../../../lib/planners/landing-zone/policy-document';
import {
  planServiceControlPolicies,
  ServiceControlPolicyPlan,
} from '../../../lib/planners/landing-zone/service-control-policies';
import { GLOBAL_SERVICE_ACTIONS } from '../../../lib/planners/landing-zone/scp-statements';
import { fixtureModel } from '../../support/fixture-estate';

const estate = fixtureModel().estate;
const plans = planServiceControlPolicies(estate, landingZoneOf({}));
const byKey = (key: string): ServiceControlPolicyPlan => plans.find((p) => p.key === key)!;
const statement = (key: string, sid: string): PolicyStatement =>
  byKey(key).document.Statement.find((s) => s.Sid === sid)!;
const PLATFORM = [
  'arn:aws:iam::*:role/nhs-cloud-platform-*',
  'arn:aws:iam::*:role/cdk-hnb659fds-*',
  'arn:aws:iam::*:role/OrganizationAccountAccessRole',
  'arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_PlatformAdmin_*',
];

describe('planServiceControlPolicies', () => {
  it('plans the region lock on the root and four SCPs by OU, leaving room for FullAWSAccess (five per target)', () => {
    expect(plans.map((p) => [p.name, p.targets])).toEqual([
      ['nhs-cloud-region-lock', ['root']],
      ['nhs-cloud-guardrails', ['security', 'infrastructure', 'national', 'trusts', 'sandbox']],
      [
        'nhs-cloud-protect-security-services',
        ['security', 'infrastructure', 'national', 'trusts', 'sandbox'],
      ],
      ['nhs-cloud-protect-platform', ['security', 'infrastructure', 'national', 'trusts', 'sandbox']],
      ['nhs-cloud-tenant-boundary', ['root']],
      ['nhs-cloud-perimeter', ['root']],
      ['nhs-cloud-suspended', ['suspended']],
    ]);
    const perOu = new Map<string, number>();
    for (const p of plans) for (const ou of p.targets) perOu.set(ou, (perOu.get(ou) ?? 0) + 1);
    expect(Math.max(...perOu.values())).toBeLessThanOrEqual(4);
  });

  it.each(plans.map((p) => [p.name, p] as const))(
    '%s stays under the 5,120-character SCP limit',
    (_name, plan) => {
      expect(policyCharacters(plan.document)).toBeLessThanOrEqual(5120);
    },
  );

  it('stays under the limit with five allowed regions and five extra platform principals', () => {
    const wide: EstateConfig = {
      ...estate,
      allowedRegions: ['eu-west-2', 'eu-west-1', 'eu-central-1', 'eu-north-1', 'eu-south-1'],
    };
    const extra = landingZoneOf({
      landingZone: {
        platformPrincipals: [1, 2, 3, 4, 5].map((n) => `arn:aws:iam::*:role/automation-${n}-*`),
      },
    });
    for (const plan of planServiceControlPolicies(wide, extra)) {
      expect(policyCharacters(plan.document)).toBeLessThanOrEqual(5120);
    }
  });

  it('refuses a policy over the limit, naming it and its size', () => {
    const huge = landingZoneOf({
      landingZone: {
        platformPrincipals: Array.from(
          { length: 40 },
          (_, n) => `arn:aws:iam::*:role/automation-role-number-${n}-*`,
        ),
      },
    });
    expect(() => planServiceControlPolicies(estate, huge)).toThrow(
      /^SCP nhs-cloud-guardrails is \d+ characters, over the 5120-character limit; shorten landingZone.platformPrincipals or split the policy$/,
    );
  });

  it('denies regions outside allowedRegions, except global services and platform principals', () => {
    const deny = statement('regionLock', 'DenyOutsideAllowedRegions');
    expect(deny.NotAction).toEqual(GLOBAL_SERVICE_ACTIONS);
    expect(deny.NotAction).toEqual(
      expect.arrayContaining(['iam:*', 'organizations:*', 'sts:*', 'route53:*', 'support:*']),
    );
    // Regression (issue 13): the list was shorter than AWS's published example, so calls the
    // console and the platform make to us-east-1 (DescribeRegions, Config, KMS) were denied.
    expect(deny.NotAction).toEqual(
      expect.arrayContaining([
        'a4b:*',
        'access-analyzer:*',
        'config:*',
        'ec2:DescribeRegions',
        'ec2:DescribeTransitGateways',
        'kms:*',
        's3:GetBucketLocation',
        'waf-regional:*',
      ]),
    );
    expect(deny.NotAction).toHaveLength(86);
    expect(deny.NotAction).not.toContain('ec2:*');
    expect(deny.Condition).toEqual({
      StringNotEquals: { 'aws:RequestedRegion': ['eu-west-2'] },
      ArnNotLike: { 'aws:PrincipalArn': PLATFORM },
    });
  });

  it('denies leaving the organization and every root-user action, with no exemption', () => {
    expect(statement('guardrails', 'DenyLeavingOrganization')).toMatchObject({
      Action: 'organizations:LeaveOrganization',
      Effect: 'Deny',
    });
    expect(statement('guardrails', 'DenyLeavingOrganization').Condition).toBeUndefined();
    expect(statement('guardrails', 'DenyRootUser')).toMatchObject({
      Action: '*',
      Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:root' } },
    });
  });

  it('denies instances launched without IMDSv2 and IMDSv1 credentials', () => {
    expect(statement('guardrails', 'DenyLaunchWithoutImdsV2')).toEqual({
      Sid: 'DenyLaunchWithoutImdsV2',
      Effect: 'Deny',
      Action: 'ec2:RunInstances',
      Resource: 'arn:aws:ec2:*:*:instance/*',
      Condition: { StringNotEquals: { 'ec2:MetadataHttpTokens': 'required' } },
    });
    expect(statement('guardrails', 'DenyImdsV1Credentials').Condition).toEqual({
      NumericLessThan: { 'ec2:RoleDelivery': '2.0' },
    });
  });

  it('protects every detective control named by the landing-zone issue', () => {
    const actions = statement('securityServices', 'ProtectSecurityServices').Action;
    expect(actions).toEqual(
      expect.arrayContaining([
        'cloudtrail:StopLogging',
        'cloudtrail:DeleteTrail',
        'config:StopConfigurationRecorder',
        'config:Delete*',
        'guardduty:Delete*',
        'securityhub:Disable*',
        'access-analyzer:DeleteAnalyzer',
        'ec2:DeleteFlowLogs',
        'macie2:DisableMacie',
        'inspector2:Disable*',
      ]),
    );
  });

  it('protects the central log buckets by name pattern and tagged platform keys', () => {
    expect(statement('securityServices', 'ProtectLogBuckets')).toMatchObject({
      Resource: 'arn:aws:s3:::nhs-cloud-*-100000000002-*',
      Action: expect.arrayContaining([
        's3:PutBucketPolicy',
        's3:DeleteBucket*',
        's3:PutBucketObjectLockConfiguration',
      ]),
    });
    expect(statement('securityServices', 'ProtectPlatformKeys').Condition).toMatchObject({
      StringLike: { 'aws:ResourceTag/nhs-cloud:stack-kind': '*' },
    });
  });

  it('keeps tenants off the platform network: TGW, routes, the VPC and paths around inspection', () => {
    const network = statement('platform', 'ProtectPlatformNetwork');
    expect(network.Action).toEqual(
      expect.arrayContaining([
        'ec2:CreateTransitGateway*',
        'ec2:AssociateTransitGateway*',
        'ec2:CreateRoute',
        'ec2:ReplaceRoute',
        'ec2:DeleteVpc',
        'ec2:CreateInternetGateway',
        'ec2:CreateNatGateway',
        'ec2:CreateVpcPeeringConnection',
      ]),
    );
    expect(network.Action).not.toContain('ec2:AuthorizeSecurityGroupIngress');
    // Regression (issue 13): ec2:*TransitGateway* also denied the network lookup function's
    // and verify-live's ec2:DescribeTransitGatewayAttachments.
    expect(network.Action).not.toContain('ec2:*TransitGateway*');
    expect(network.Condition).toEqual({ ArnNotLike: { 'aws:PrincipalArn': PLATFORM } });
  });

  it('keeps tenants from editing or assuming platform roles, exempting the platform by ARN pattern', () => {
    const roles = statement('platform', 'ProtectPlatformRoles');
    expect(roles.Resource).toEqual(PLATFORM);
    expect(roles.Action).toEqual(
      expect.arrayContaining(['iam:AttachRolePolicy', 'iam:Update*Role*', 'sts:AssumeRole']),
    );
  });

  // Issue 14: ADR 0010 says the exempt principals and the protected roles are the same list;
  // they were not (OrganizationAccountAccessRole, the SSO sessions and config extras were
  // exempt but unprotected), and a tenant could create or re-trust a role with an exempt name.
  it('protects every principal pattern any SCP exempts, from creation, re-trust, passing and use', () => {
    const extra = landingZoneOf({
      landingZone: { platformPrincipals: ['arn:aws:iam::*:role/automation-*'] },
    });
    const all = planServiceControlPolicies(estate, extra);
    const exempt = new Set(
      all.flatMap((p) =>
        p.document.Statement.flatMap((s) => [s.Condition?.ArnNotLike?.['aws:PrincipalArn'] ?? []].flat()),
      ),
    );
    const roles = all
      .find((p) => p.key === 'platform')!
      .document.Statement.find((s) => s.Sid === 'ProtectPlatformRoles')!;
    expect([...exempt].filter((pattern) => !(roles.Resource as string[]).includes(pattern))).toEqual([]);
    expect(exempt).toContain('arn:aws:iam::*:role/automation-*');
    expect(roles.Action).toEqual(
      expect.arrayContaining([
        'iam:CreateRole',
        'iam:Update*Role*',
        'iam:PassRole',
        'sts:AssumeRole',
        'iam:PutRole*',
      ]),
    );
  });

  it('denies everything to a suspended account except the platform', () => {
    expect(byKey('suspended').document.Statement).toEqual([
      {
        Sid: 'DenyAllWhileSuspended',
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { ArnNotLike: { 'aws:PrincipalArn': PLATFORM } },
      },
    ]);
  });

  it('follows the CDK bootstrap qualifier of the platform pipeline', () => {
    const custom = planServiceControlPolicies(
      estate,
      landingZoneOf({ landingZone: { cdkQualifier: 'nhscloud' } }),
    );
    const deny = custom.find((p) => p.key === 'regionLock')!.document.Statement[0]!;
    expect(deny.Condition!.ArnNotLike!['aws:PrincipalArn']).toContain('arn:aws:iam::*:role/cdk-nhscloud-*');
  });
});
