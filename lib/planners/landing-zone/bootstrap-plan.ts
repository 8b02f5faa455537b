import { EstateConfig } from '../../config/schema/estate-schema';
import { LandingZoneConfig } from '../../config/schema/landing-zone-schema';
import { OuKey } from './organization-units';
import { PolicyDocument, policyDocument } from './policy-document';

/**
 * The CDK bootstrap of every tenant account, as one service-managed StackSet from the
 * management account with auto-deployment on the tenant OUs: an account vended or moved into
 * one of them is bootstrapped on arrival, and keeps its bootstrap stack if it leaves
 * ("Bootstrapping with AWS CloudFormation StackSets" in the CDK guide,
 * https://docs.aws.amazon.com/cdk/v2/guide/bootstrapping-customizing.html).
 */
export interface BootstrapPlan {
  readonly stackSetName: string;
  /** `landingZone.cdkQualifier`: the same value the stacks synthesize with and the SCPs exempt. */
  readonly qualifier: string;
  /** The deployment account: its pipeline assumes the bootstrap roles. */
  readonly trustedAccount: string;
  readonly targets: readonly OuKey[];
  readonly regions: readonly string[];
  /**
   * CloudFormation's execution policy in a tenant account, inside the bootstrap template (a
   * second StackSet on the same OUs would have no order with the bootstrap). `${Qualifier}`,
   * `${AWS::AccountId}` and `${AWS::Region}` are substituted in the target account.
   */
  readonly executionPolicy: PolicyDocument;
}

/** The OUs that hold tenant accounts (children inherit: Trusts covers Prod and NonProd). */
export const TENANT_OUS: readonly OuKey[] = ['national', 'trusts', 'sandbox'];

/**
 * Services the tenant environment stacks deploy, whole: the spoke network (EC2), the baseline
 * (Backup, Budgets, Config, KMS, Lambda, Logs, Macie, SSM) and the estate's DNS (Route 53
 * Profiles and Resolver). deploy-proofs' guardrails proof checks every action CloudFormation
 * needs for the resource types in tenant templates against this policy.
 */
const TENANT_SERVICES = [
  'backup:*',
  'backup-storage:*',
  'budgets:*',
  'config:*',
  'ec2:*',
  'kms:*',
  'lambda:*',
  'logs:*',
  'macie2:*',
  'route53profiles:*',
  'route53resolver:*',
  'ssm:*',
];

/** IAM for the roles the baseline makes (and their policies), never users or credentials. */
const IAM_ROLES = [
  'iam:AttachRolePolicy',
  'iam:CreateRole',
  'iam:CreateServiceLinkedRole',
  'iam:DeleteRole',
  'iam:DeleteRolePolicy',
  'iam:DetachRolePolicy',
  'iam:GetRole',
  'iam:GetRolePolicy',
  'iam:ListAttachedRolePolicies',
  'iam:ListRolePolicies',
  'iam:ListRoleTags',
  'iam:PassRole',
  'iam:PutRolePolicy',
  'iam:TagRole',
  'iam:UntagRole',
  'iam:UpdateAssumeRolePolicy',
  'iam:UpdateRole',
  'iam:UpdateRoleDescription',
];

/** The tenant execution policy: what the platform's tenant stacks need, and no way to make people. */
export function tenantExecutionPolicy(): PolicyDocument {
  return policyDocument(
    { Sid: 'TenantStackServices', Effect: 'Allow', Action: TENANT_SERVICES, Resource: '*' },
    { Sid: 'BaselineRoles', Effect: 'Allow', Action: IAM_ROLES, Resource: '*' },
    {
      // Lambda code (the account-defaults handler) is read from the bootstrap's asset bucket.
      Sid: 'AssetObjects',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:GetObjectVersion'],
      Resource: 'arn:${AWS::Partition}:s3:::cdk-${Qualifier}-assets-${AWS::AccountId}-${AWS::Region}/*',
    },
    {
      Sid: 'NoPeopleOrOrganization',
      Effect: 'Deny',
      Action: [
        'iam:CreateAccessKey',
        'iam:CreateLoginProfile',
        'iam:CreateUser',
        'iam:CreateOpenIDConnectProvider',
        'iam:CreateSAMLProvider',
        'organizations:*',
        'account:*',
      ],
      Resource: '*',
    },
  );
}

export function planBootstrap(estate: EstateConfig, lz: LandingZoneConfig): BootstrapPlan {
  const { accounts } = estate.organization;
  return {
    stackSetName: `${estate.name}-cdk-bootstrap`,
    qualifier: lz.cdkQualifier,
    trustedAccount: accounts.deployment ?? accounts.management,
    targets: TENANT_OUS,
    regions: [...new Set([estate.homeRegion, ...estate.allowedRegions])],
    executionPolicy: tenantExecutionPolicy(),
  };
}
