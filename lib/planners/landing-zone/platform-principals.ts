import { LandingZoneConfig } from '../../config/schema/landing-zone-schema';
import { PermissionSetName } from './identity';

/**
 * Names of the roles the platform creates in every account. They share one prefix so a single
 * ARN pattern exempts them from the tenant guardrails and protects them from tenant changes:
 *
 *   platformRoleNames('nhs-cloud').admin -> 'nhs-cloud-platform-admin'
 *   rolePrefix('nhs-cloud')              -> 'nhs-cloud-platform-'
 */
export function rolePrefix(estateName: string): string {
  return `${estateName}-platform-`;
}

export interface PlatformRoleNames {
  /** Administrator role the delivery pipeline and platform engineers assume. */
  readonly admin: string;
  /** View-only role for the security account's tooling and auditors. */
  readonly readOnly: string;
  /** Administrator role for emergencies, assumable only from the management account with MFA. */
  readonly breakGlass: string;
  /** Role AWS Backup assumes to take and copy backups. */
  readonly backup: string;
  /** Role the AWS Config recorder uses. */
  readonly config: string;
  /** Instance role of SSM Default Host Management (every instance becomes managed). */
  readonly managedInstance: string;
  /** Execution role of the account-defaults custom resource (EBS encryption, IMDSv2). */
  readonly accountDefaults: string;
}

export function platformRoleNames(estateName: string): PlatformRoleNames {
  const prefix = rolePrefix(estateName);
  return {
    admin: `${prefix}admin`,
    readOnly: `${prefix}read-only`,
    breakGlass: `${prefix}break-glass`,
    backup: `${prefix}backup`,
    config: `${prefix}config`,
    managedInstance: `${prefix}managed-instance`,
    accountDefaults: `${prefix}account-defaults`,
  };
}

/**
 * Execution role of a stack's deploy-time SDK calls in a member account, e.g.
 * `nhs-cloud-platform-sdk-core-security`: one per stack, so no two stacks in an account clash.
 */
export function sdkCallRoleName(estateName: string, stackName: string): string {
  return `${rolePrefix(estateName)}sdk-${stackName.toLowerCase()}`.slice(0, 64);
}

/**
 * The deployment account's roles that may assume the platform admin role in other accounts:
 * the delivery pipeline's, named `<estate>-platform-pipeline*` (the GitHub deploy workflow's
 * OIDC role is `nhs-cloud-platform-pipeline-github`, docs/deploy.md). Not the whole account:
 * an account principal lets every role its administrators create assume the admin role.
 */
export function pipelineRoleArnPattern(estateName: string, deploymentAccount: string): string {
  return `arn:aws:iam::${deploymentAccount}:role/${rolePrefix(estateName)}pipeline*`;
}

/** The role the organization creates in a vended account for the management account. */
export const ORGANIZATION_ACCESS_ROLE = 'OrganizationAccountAccessRole';

/**
 * ARN patterns of the principals that run the platform, in any account. The guardrail SCPs
 * exempt them (`aws:PrincipalArn` ArnNotLike) and deny everyone else changing them:
 *
 *   ['arn:aws:iam::*:role/nhs-cloud-platform-*',          every platform role
 *    'arn:aws:iam::*:role/cdk-hnb659fds-*',               the pipeline's CDK bootstrap roles
 *    'arn:aws:iam::*:role/OrganizationAccountAccessRole', the management account's way in
 *    'arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_PlatformAdmin_*',
 *    ...config extras]
 */
export function platformPrincipalPatterns(estateName: string, lz: LandingZoneConfig): string[] {
  const platformAdmin: PermissionSetName = 'PlatformAdmin';
  return [
    `arn:aws:iam::*:role/${rolePrefix(estateName)}*`,
    `arn:aws:iam::*:role/cdk-${lz.cdkQualifier}-*`,
    `arn:aws:iam::*:role/${ORGANIZATION_ACCESS_ROLE}`,
    `arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_${platformAdmin}_*`,
    ...lz.platformPrincipals,
  ];
}
