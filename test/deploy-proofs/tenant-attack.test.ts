import { loadConfig } from '../../lib/config/load-config';
import { OrgNode, pathTo, readOrganization } from '../../lib/deploy-proofs/guardrails/organization';
import {
  denyingScp,
  identityAllows,
  resourceSideDecision,
  SimRequest,
} from '../../lib/deploy-proofs/guardrails/simulate';
import { DeployStack } from '../../lib/deploy-proofs/types';
import { FIXTURE_ESTATE_DIR } from '../support/fixture-estate';
import { fixtureStacks } from './support';

/**
 * Issue 14, the scripted attack: a trust's own administrator (the TenantAdmin permission set)
 * in a tenant account tries each escalation of items 1 to 3, against the SCPs and RCPs the
 * synthesized Core-Organization attaches on the account's OU path. The same IAM evaluation as
 * the deploy proofs (@cloud-copilot/iam-simulate, lib/deploy-proofs/guardrails/simulate.ts).
 */
const ACCOUNT = '123456789012'; // RGR prod, a trust's prod account
const ORG = loadConfig(FIXTURE_ESTATE_DIR).estate.landingZone?.organizationId ?? 'o-a1b2c3d4e5';
const TENANT_ADMIN = `arn:aws:iam::${ACCOUNT}:role/aws-reserved/sso.amazonaws.com/eu-west-2/AWSReservedSSO_TenantAdmin_0123456789abcdef`;

let stacks: DeployStack[];
let path: OrgNode[];
let tenantAdmin: unknown;
beforeAll(() => {
  stacks = fixtureStacks();
  const org = readOrganization(stacks);
  path = pathTo(org, org.placements.get(ACCOUNT)!.node);
  // The permission set as Core-Organization defines it: AWS managed AdministratorAccess.
  const organization = stacks.find((s) => s.id === 'Core-Organization')!;
  const set = Object.values(organization.template.Resources!).find(
    (r) => r.Type === 'AWS::SSO::PermissionSet' && r.Properties?.Name === 'TenantAdmin',
  )!;
  expect(set.Properties!.ManagedPolicies).toEqual(['arn:aws:iam::aws:policy/AdministratorAccess']);
  tenantAdmin = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
});

function asTenantAdmin(
  action: string,
  resource: string,
  context: Record<string, string | string[]> = {},
): SimRequest {
  return {
    principal: TENANT_ADMIN,
    account: ACCOUNT,
    action,
    resource,
    context: {
      'aws:PrincipalArn': TENANT_ADMIN,
      'aws:PrincipalAccount': ACCOUNT,
      'aws:PrincipalOrgID': ORG,
      'aws:RequestedRegion': 'eu-west-2',
      ...context,
    },
  };
}

const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const stack = (name: string) => `arn:aws:cloudformation:eu-west-2:${ACCOUNT}:stack/${name}/1a2b3c`;

/** [what the attacker tries, action, resource, extra context, the SCP statement that must stop it] */
const ESCALATIONS: [string, string, string, Record<string, string | string[]>, string][] = [
  // 1. Exempt roles are unreachable.
  [
    'create a role with an exempt platform name',
    'iam:CreateRole',
    role('nhs-cloud-platform-backdoor'),
    {},
    'ProtectPlatformRoles',
  ],
  [
    'create OrganizationAccountAccessRole in an adopted account',
    'iam:CreateRole',
    role('OrganizationAccountAccessRole'),
    {},
    'ProtectPlatformRoles',
  ],
  [
    're-trust OrganizationAccountAccessRole',
    'iam:UpdateAssumeRolePolicy',
    role('OrganizationAccountAccessRole'),
    {},
    'ProtectPlatformRoles',
  ],
  [
    'add a policy to the CDK execution role',
    'iam:PutRolePolicy',
    role(`cdk-nhscloud-cfn-exec-role-${ACCOUNT}-eu-west-2`),
    {},
    'ProtectPlatformRoles',
  ],
  [
    'assume the platform admin role',
    'sts:AssumeRole',
    role('nhs-cloud-platform-admin'),
    {},
    'ProtectPlatformRoles',
  ],
  // 2. Nothing runs as the platform on a tenant's behalf.
  [
    'pass a platform role to their own Lambda',
    'iam:PassRole',
    role('nhs-cloud-platform-admin'),
    {},
    'ProtectPlatformRoles',
  ],
  [
    'update their platform stack',
    'cloudformation:UpdateStack',
    stack('Tenant-RGR-prod'),
    {},
    'ProtectPlatformStacks',
  ],
  [
    'run a change set on their platform stack',
    'cloudformation:CreateChangeSet',
    stack('Tenant-RGR-prod'),
    {},
    'ProtectPlatformStacks',
  ],
  [
    'update the hand bootstrap',
    'cloudformation:UpdateStack',
    stack('CDKToolkit'),
    {},
    'ProtectPlatformStacks',
  ],
  [
    'update the bootstrap StackSet instance',
    'cloudformation:UpdateStack',
    stack('StackSet-nhs-cloud-cdk-bootstrap-5e6f'),
    {},
    'ProtectPlatformStacks',
  ],
  [
    'widen the CloudFormation execution policy',
    'iam:CreatePolicyVersion',
    `arn:aws:iam::${ACCOUNT}:policy/cdk-nhscloud-cfn-exec-policy-eu-west-2`,
    {},
    'ProtectPlatformPolicies',
  ],
  [
    'replace a Lambda asset the platform deploys',
    's3:PutObject',
    `arn:aws:s3:::cdk-nhscloud-assets-${ACCOUNT}-eu-west-2/handler.zip`,
    {},
    'ProtectPlatformAssets',
  ],
  [
    'push an image the platform deploys',
    'ecr:PutImage',
    `arn:aws:ecr:eu-west-2:${ACCOUNT}:repository/cdk-nhscloud-container-assets-${ACCOUNT}-eu-west-2`,
    {},
    'ProtectPlatformAssets',
  ],
  // 3. Data perimeter.
  [
    'create an IAM user',
    'iam:CreateUser',
    `arn:aws:iam::${ACCOUNT}:user/shadow`,
    {},
    'DenyUsersKeysAndProviders',
  ],
  [
    'create an access key',
    'iam:CreateAccessKey',
    `arn:aws:iam::${ACCOUNT}:user/shadow`,
    {},
    'DenyUsersKeysAndProviders',
  ],
  [
    'add an OIDC identity provider',
    'iam:CreateOpenIDConnectProvider',
    `arn:aws:iam::${ACCOUNT}:oidc-provider/token.example.com`,
    {},
    'DenyUsersKeysAndProviders',
  ],
  [
    'add a SAML identity provider',
    'iam:CreateSAMLProvider',
    `arn:aws:iam::${ACCOUNT}:saml-provider/outside`,
    {},
    'DenyUsersKeysAndProviders',
  ],
  [
    'replicate objects to a bucket outside the organization',
    's3:ReplicateObject',
    'arn:aws:s3:::outside-bucket/patients.csv',
    { 'aws:ResourceOrgID': 'o-outside0000' },
    'DenyReplicationOutside',
  ],
  [
    'open a Client VPN endpoint',
    'ec2:CreateClientVpnEndpoint',
    `arn:aws:ec2:eu-west-2:${ACCOUNT}:client-vpn-endpoint/*`,
    {},
    'DenyNetworkBackDoors',
  ],
  [
    'publish a PrivateLink service',
    'ec2:CreateVpcEndpointServiceConfiguration',
    `arn:aws:ec2:eu-west-2:${ACCOUNT}:vpc-endpoint-service/*`,
    {},
    'DenyNetworkBackDoors',
  ],
  [
    'create a VPC Lattice service network',
    'vpc-lattice:CreateServiceNetwork',
    `arn:aws:vpc-lattice:eu-west-2:${ACCOUNT}:servicenetwork/*`,
    {},
    'DenyNetworkBackDoors',
  ],
  [
    'share a resource outside the organization',
    'ram:CreateResourceShare',
    `arn:aws:ram:eu-west-2:${ACCOUNT}:resource-share/*`,
    { 'ram:RequestedAllowsExternalPrincipals': 'true' },
    'DenySharingOutside',
  ],
  [
    'create an internet-facing load balancer',
    'elasticloadbalancing:CreateLoadBalancer',
    `arn:aws:elasticloadbalancing:eu-west-2:${ACCOUNT}:loadbalancer/app/public/1`,
    { 'elasticloadbalancing:Scheme': 'internet-facing' },
    'DenyInternetFacingLoadBalancers',
  ],
  [
    'disassociate the estate DNS profile',
    'route53profiles:DisassociateProfile',
    `arn:aws:route53profiles:eu-west-2:${ACCOUNT}:profile/rp-1`,
    {},
    'ProtectEstateDns',
  ],
  [
    'delete the endpoint-protection association',
    'ssm:DeleteAssociation',
    `arn:aws:ssm:eu-west-2:${ACCOUNT}:association/abc`,
    { 'aws:ResourceTag/nhs-cloud:stack-kind': 'tenant' },
    'ProtectPlatformAssociations',
  ],
];

describe('a tenant administrator cannot', () => {
  it.each(
    ESCALATIONS.map(
      ([what, action, resource, context, sid]) => [what, action, sid, resource, context] as const,
    ),
  )('%s (%s): denied by %s', (_what, action, sid, resource, context) => {
    const request = asTenantAdmin(action, resource, context);
    expect(identityAllows(tenantAdmin, request)).toBe(true); // AdministratorAccess would allow it
    const deny = denyingScp(path, request);
    expect(deny?.statement.Sid).toBe(sid);
  });

  it('let someone outside the organization assume a role they made to trust them', async () => {
    const outsider = 'arn:aws:iam::999999999999:role/exfiltrate';
    const trust = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999999999999:root' }, Action: 'sts:AssumeRole' },
      ],
    };
    const request: SimRequest = {
      principal: outsider,
      account: ACCOUNT,
      action: 'sts:AssumeRole',
      resource: role('trusts-outside'),
      context: {
        'aws:PrincipalArn': outsider,
        'aws:PrincipalAccount': '999999999999',
        'aws:PrincipalOrgID': 'o-outside0000',
      },
    };
    expect(await resourceSideDecision(path, request, trust)).toBe('ExplicitlyDenied');
    // The same trust for a principal of the organization is allowed: the RCP is what denies.
    const insider = { ...request, context: { ...request.context, 'aws:PrincipalOrgID': ORG } };
    expect(await resourceSideDecision(path, insider, trust)).toBe('Allowed');
  });
});

describe('a tenant administrator still can', () => {
  it.each([
    [
      'launch an instance with IMDSv2',
      'ec2:RunInstances',
      `arn:aws:ec2:eu-west-2:${ACCOUNT}:instance/*`,
      { 'ec2:MetadataHttpTokens': 'required' },
    ],
    ['write to their own bucket', 's3:PutObject', 'arn:aws:s3:::rgr-clinical-data/report.pdf', {}],
    [
      'create an internal load balancer',
      'elasticloadbalancing:CreateLoadBalancer',
      `arn:aws:elasticloadbalancing:eu-west-2:${ACCOUNT}:loadbalancer/app/internal/1`,
      { 'elasticloadbalancing:Scheme': 'internal' },
    ],
    ['create a role of their own', 'iam:CreateRole', role('rgr-app-role'), {}],
  ] as const)('%s', (_what, action, resource, context) => {
    expect(denyingScp(path, asTenantAdmin(action, resource, context))).toBeUndefined();
  });
});
