import { PolicyStatement } from './policy-document';

/**
 * The tenant boundary: what a tenant account's own administrators (AdministratorAccess through
 * the TenantAdmin permission set) may not do, because it would act as the platform on their
 * behalf, take data or people outside the estate, or open a way in the hub cannot see. Each
 * statement exempts the platform's principals, as the guardrails do.
 */

function exceptPlatform(platform: readonly string[]): Record<string, Record<string, readonly string[]>> {
  return { ArnNotLike: { 'aws:PrincipalArn': platform } };
}

export interface BoundaryNames {
  readonly estateName: string;
  readonly qualifier: string;
  readonly organizationId?: string;
}

/**
 * Platform stacks run as CloudFormation's stored, exempt execution role: a tenant who may
 * update one (a change set, a stack policy, a rollback) acts as the platform. Covers the
 * estate's stacks, the hand bootstrap (`CDKToolkit`) and the bootstrap StackSet's instances.
 */
export function protectPlatformStacks(names: BoundaryNames, platform: readonly string[]): PolicyStatement {
  return {
    Sid: 'ProtectPlatformStacks',
    Effect: 'Deny',
    Action: [
      'cloudformation:ContinueUpdateRollback',
      'cloudformation:CreateChangeSet',
      'cloudformation:CreateStack',
      'cloudformation:DeleteStack',
      'cloudformation:ExecuteChangeSet',
      'cloudformation:RollbackStack',
      'cloudformation:SetStackPolicy',
      'cloudformation:UpdateStack',
      'cloudformation:UpdateTerminationProtection',
    ],
    Resource: ['Tenant-*', 'Core-*', 'CDKToolkit', `StackSet-${names.estateName}-*`].map(
      (stack) => `arn:aws:cloudformation:*:*:stack/${stack}/*`,
    ),
    Condition: exceptPlatform(platform),
  };
}

/**
 * What the platform's deploys read: its managed policies (a new default version would widen
 * CloudFormation's own role) and the bootstrap's asset bucket and image repository (a tenant
 * who writes there changes the Lambda code the platform deploys).
 */
export function protectPlatformArtefacts(
  names: BoundaryNames,
  platform: readonly string[],
): PolicyStatement[] {
  const { qualifier, estateName } = names;
  return [
    {
      Sid: 'ProtectPlatformPolicies',
      Effect: 'Deny',
      Action: [
        'iam:CreatePolicyVersion',
        'iam:DeletePolicy*',
        'iam:SetDefaultPolicyVersion',
        'iam:TagPolicy',
      ],
      Resource: [`arn:aws:iam::*:policy/cdk-${qualifier}-*`, `arn:aws:iam::*:policy/${estateName}-*`],
      Condition: exceptPlatform(platform),
    },
    {
      Sid: 'ProtectPlatformAssets',
      Effect: 'Deny',
      Action: [
        's3:DeleteObject*',
        's3:PutBucketPolicy',
        's3:PutObject*',
        'ecr:BatchDeleteImage',
        'ecr:CompleteLayerUpload',
        'ecr:PutImage',
        'ecr:SetRepositoryPolicy',
      ],
      Resource: [
        `arn:aws:s3:::cdk-${qualifier}-assets-*`,
        `arn:aws:ecr:*:*:repository/cdk-${qualifier}-container-assets-*`,
      ],
      Condition: exceptPlatform(platform),
    },
  ];
}

/**
 * No long-lived credentials and no identity providers of a tenant's own: people sign in
 * through Identity Center (ADR 0012), and an OIDC or SAML provider would let someone outside
 * the estate assume roles in it.
 */
export function denyPeopleOutsideIdentityCenter(platform: readonly string[]): PolicyStatement {
  return {
    Sid: 'DenyUsersKeysAndProviders',
    Effect: 'Deny',
    Action: [
      'iam:AddClientIDToOpenIDConnectProvider',
      'iam:CreateAccessKey',
      'iam:CreateOpenIDConnectProvider',
      'iam:CreateSAMLProvider',
      'iam:CreateUser',
      'iam:UpdateOpenIDConnectProviderThumbprint',
      'iam:UpdateSAMLProvider',
    ],
    Resource: '*',
    Condition: exceptPlatform(platform),
  };
}

/**
 * Ways in and out that bypass the hub's inspection: Client VPN, a PrivateLink service of the
 * tenant's own, VPC Lattice service networks, RAM shares that allow principals outside the
 * organization, Global Accelerator and internet-facing load balancers.
 */
export function denyNetworkBackDoors(platform: readonly string[]): PolicyStatement[] {
  return [
    {
      Sid: 'DenyNetworkBackDoors',
      Effect: 'Deny',
      Action: [
        'ec2:CreateClientVpnEndpoint',
        'ec2:CreateVpcEndpointServiceConfiguration',
        'ec2:ModifyVpcEndpointServicePermissions',
        'globalaccelerator:Create*',
        'vpc-lattice:CreateServiceNetwork*',
      ],
      Resource: '*',
      Condition: exceptPlatform(platform),
    },
    {
      Sid: 'DenySharingOutside',
      Effect: 'Deny',
      Action: ['ram:CreateResourceShare', 'ram:UpdateResourceShare'],
      Resource: '*',
      Condition: { ...exceptPlatform(platform), Bool: { 'ram:RequestedAllowsExternalPrincipals': 'true' } },
    },
    {
      Sid: 'DenyInternetFacingLoadBalancers',
      Effect: 'Deny',
      Action: 'elasticloadbalancing:CreateLoadBalancer',
      Resource: '*',
      Condition: {
        ...exceptPlatform(platform),
        StringEquals: { 'elasticloadbalancing:Scheme': 'internet-facing' },
      },
    },
  ];
}

/**
 * The spoke's estate DNS (the Route 53 Profile) and the platform's State Manager associations
 * (endpoint protection, patch scans; tagged by their stack) stay as the platform set them.
 */
export function protectDnsAndAgents(platform: readonly string[]): PolicyStatement[] {
  return [
    {
      Sid: 'ProtectEstateDns',
      Effect: 'Deny',
      Action: ['route53profiles:DisassociateProfile', 'route53profiles:DisassociateResourceFromProfile'],
      Resource: '*',
      Condition: exceptPlatform(platform),
    },
    {
      Sid: 'ProtectPlatformAssociations',
      Effect: 'Deny',
      Action: ['ssm:DeleteAssociation', 'ssm:UpdateAssociation'],
      Resource: '*',
      Condition: { ...exceptPlatform(platform), StringLike: { 'aws:ResourceTag/nhs-cloud:stack-kind': '*' } },
    },
  ];
}

/**
 * Data does not leave by replication to a bucket outside the organization: the replication
 * role's writes to the destination are checked against its organization (`aws:ResourceOrgID`).
 * Without an organization ID in config there is nothing to compare with, and no statement.
 */
export function denyReplicationOutside(names: BoundaryNames): PolicyStatement[] {
  if (!names.organizationId) return [];
  return [
    {
      Sid: 'DenyReplicationOutside',
      Effect: 'Deny',
      Action: [
        's3:ObjectOwnerOverrideToBucketOwner',
        's3:ReplicateDelete',
        's3:ReplicateObject',
        's3:ReplicateTags',
      ],
      Resource: '*',
      Condition: { StringNotEqualsIfExists: { 'aws:ResourceOrgID': names.organizationId } },
    },
  ];
}

/**
 * The resource side of the perimeter, as a resource control policy: no principal outside the
 * organization (AWS services acting for it aside) assumes a role in, or reads or writes the
 * S3, KMS, Secrets Manager or SQS resources of, any member account, whatever the resource's
 * own policy or a role's trust policy says (the RCP example of AWS's data perimeter,
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps_examples.html).
 */
export function resourcePerimeter(organizationId: string): PolicyStatement {
  return {
    Sid: 'EnforceOrgIdentities',
    Effect: 'Deny',
    Principal: '*',
    Action: ['kms:*', 's3:*', 'secretsmanager:*', 'sqs:*', 'sts:AssumeRole'],
    Resource: '*',
    Condition: {
      StringNotEqualsIfExists: { 'aws:PrincipalOrgID': organizationId },
      BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
    },
  };
}
