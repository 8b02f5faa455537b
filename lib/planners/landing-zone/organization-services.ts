import { EstateConfig } from '../../config/schema/estate-schema';

/**
 * One AWS API call the management account makes once to wire a service into the organization:
 * trusted access, a delegated administrator, or an organization-wide setting. CloudFormation
 * has resources for few of these, so each becomes a deploy-time SDK call; none runs at synth.
 */
export interface OrganizationServiceCall {
  /** Stable construct ID. */
  readonly id: string;
  /** SDK v3 client name as AwsCustomResource takes it, e.g. 'Organizations'. */
  readonly service: string;
  readonly action: string;
  readonly parameters: Readonly<Record<string, unknown>>;
  /** IAM actions the call needs (the SDK name does not always map to them). */
  readonly iamActions: readonly string[];
  /** Error codes meaning "already done", so a re-run or an earlier manual step is not a failure. */
  readonly alreadyDone?: string;
  /** IDs of calls that must run first (trusted access before delegation). */
  readonly after?: readonly string[];
}

const ORG_ACCESS = ['organizations:EnableAWSServiceAccess', 'organizations:DescribeOrganization'];
const ORG_DELEGATE = [
  'organizations:RegisterDelegatedAdministrator',
  'organizations:DescribeOrganization',
  'organizations:ListDelegatedAdministrators',
];
const SLR = ['iam:CreateServiceLinkedRole'];

function trustedAccess(id: string, principal: string): OrganizationServiceCall {
  return {
    id,
    service: 'Organizations',
    action: 'enableAWSServiceAccess',
    parameters: { ServicePrincipal: principal },
    iamActions: ORG_ACCESS,
  };
}

function delegate(id: string, principal: string, accountId: string, after: string): OrganizationServiceCall {
  return {
    id,
    service: 'Organizations',
    action: 'registerDelegatedAdministrator',
    parameters: { AccountId: accountId, ServicePrincipal: principal },
    iamActions: ORG_DELEGATE,
    alreadyDone: 'AccountAlreadyRegisteredException',
    after: [after],
  };
}

/** Organizations policy types the landing zone attaches; each must be enabled on the root first. */
export const POLICY_TYPES = [
  'SERVICE_CONTROL_POLICY',
  'TAG_POLICY',
  'S3_POLICY',
  'RESOURCE_CONTROL_POLICY',
] as const;

/**
 * Trusted access by service principal. Each organization integration must have it before its
 * delegated administrator is registered or it acts organization-wide ("AWS services that you
 * can use with AWS Organizations",
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_services_list.html):
 * without it CloudTrail refuses an organization trail (CloudTrailAccessNotEnabledException) and
 * CloudFormation refuses `AWS::SecurityHub::DelegatedAdmin`.
 */
export const TRUSTED_ACCESS = {
  AccessAnalyzerAccess: 'access-analyzer.amazonaws.com',
  ConfigAccess: 'config.amazonaws.com',
  ConfigMultiAccountAccess: 'config-multiaccountsetup.amazonaws.com',
  BackupAccess: 'backup.amazonaws.com',
  IamAccess: 'iam.amazonaws.com',
  CloudTrailAccess: 'cloudtrail.amazonaws.com',
  SecurityHubAccess: 'securityhub.amazonaws.com',
  GuardDutyAccess: 'guardduty.amazonaws.com',
  InspectorAccess: 'inspector2.amazonaws.com',
  MacieAccess: 'macie.amazonaws.com',
} as const;

export type TrustedAccessId = keyof typeof TRUSTED_ACCESS;

/**
 * The calls, in a fixed order (construct IDs and dependencies depend on it): trusted access for
 * every integration, then each delegated administrator after its own trusted access. The
 * security account administers GuardDuty, Security Hub (a CloudFormation resource, not here,
 * which the organization stack orders after `SecurityHubAccess`), Inspector, Macie, Access
 * Analyzer and Config; the log-archive account runs the organization trail for the management
 * account. Sharing through AWS RAM with the organization and service-managed StackSets (the
 * bootstrap) are switched on by their own APIs, which enable their trusted access themselves.
 *
 * Member-account root credentials are removed centrally (IAM root access management), so a
 * member root user cannot sign in even before the SCP denies it anything.
 */
export function planOrganizationServices(
  estate: EstateConfig,
  rootId: string | undefined,
): OrganizationServiceCall[] {
  const { security, logArchive } = estate.organization.accounts;
  const calls: OrganizationServiceCall[] = [
    ...Object.entries(TRUSTED_ACCESS).map(([id, principal]) => trustedAccess(id, principal)),
    {
      // https://docs.aws.amazon.com/ram/latest/APIReference/API_EnableSharingWithAwsOrganization.html
      id: 'RamSharing',
      service: 'RAM',
      action: 'enableSharingWithAwsOrganization',
      parameters: {},
      iamActions: ['ram:EnableSharingWithAwsOrganization', ...ORG_ACCESS, ...SLR],
    },
    {
      // Service-managed StackSets (the CDK bootstrap on the tenant OUs):
      // https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ActivateOrganizationsAccess.html
      id: 'StackSetsAccess',
      service: 'CloudFormation',
      action: 'activateOrganizationsAccess',
      parameters: {},
      iamActions: ['cloudformation:ActivateOrganizationsAccess', ...ORG_ACCESS, ...SLR],
    },
    delegate('AccessAnalyzerAdmin', 'access-analyzer.amazonaws.com', security, 'AccessAnalyzerAccess'),
    delegate('ConfigAdmin', 'config.amazonaws.com', security, 'ConfigAccess'),
    delegate(
      'ConfigMultiAccountAdmin',
      'config-multiaccountsetup.amazonaws.com',
      security,
      'ConfigMultiAccountAccess',
    ),
    {
      id: 'GuardDutyAdmin',
      service: 'GuardDuty',
      action: 'enableOrganizationAdminAccount',
      parameters: { AdminAccountId: security },
      iamActions: ['guardduty:EnableOrganizationAdminAccount', ...ORG_ACCESS, ...ORG_DELEGATE, ...SLR],
      alreadyDone: 'BadRequestException',
      after: ['GuardDutyAccess'],
    },
    {
      id: 'InspectorAdmin',
      service: 'Inspector2',
      action: 'enableDelegatedAdminAccount',
      parameters: { delegatedAdminAccountId: security },
      iamActions: ['inspector2:EnableDelegatedAdminAccount', ...ORG_ACCESS, ...ORG_DELEGATE, ...SLR],
      alreadyDone: 'ConflictException',
      after: ['InspectorAccess'],
    },
    {
      id: 'MacieAdmin',
      service: 'Macie2',
      action: 'enableOrganizationAdminAccount',
      parameters: { adminAccountId: security },
      iamActions: ['macie2:EnableOrganizationAdminAccount', ...ORG_ACCESS, ...ORG_DELEGATE, ...SLR],
      alreadyDone: 'ConflictException',
      after: ['MacieAccess'],
    },
    {
      id: 'CloudTrailAdmin',
      service: 'CloudTrail',
      action: 'registerOrganizationDelegatedAdmin',
      parameters: { MemberAccountId: logArchive },
      iamActions: ['cloudtrail:RegisterOrganizationDelegatedAdmin', ...ORG_ACCESS, ...ORG_DELEGATE, ...SLR],
      alreadyDone: 'AccountRegisteredException',
      after: ['CloudTrailAccess'],
    },
    {
      id: 'CrossAccountBackup',
      service: 'Backup',
      action: 'updateGlobalSettings',
      parameters: { GlobalSettings: { isCrossAccountBackupEnabled: 'true' } },
      iamActions: [
        'backup:UpdateGlobalSettings',
        'backup:DescribeGlobalSettings',
        'organizations:DescribeOrganization',
      ],
      after: ['BackupAccess'],
    },
    {
      id: 'RootCredentialsManagement',
      service: 'IAM',
      action: 'enableOrganizationsRootCredentialsManagement',
      parameters: {},
      iamActions: ['iam:EnableOrganizationsRootCredentialsManagement', 'organizations:DescribeOrganization'],
      after: ['IamAccess'],
    },
  ];
  if (rootId) {
    for (const type of POLICY_TYPES) {
      calls.push({
        id: `PolicyType${type.replaceAll('_', '')}`,
        service: 'Organizations',
        action: 'enablePolicyType',
        parameters: { RootId: rootId, PolicyType: type },
        iamActions: [
          'organizations:EnablePolicyType',
          'organizations:DescribeOrganization',
          'organizations:ListRoots',
        ],
        alreadyDone: 'PolicyTypeAlreadyEnabledException',
      });
    }
  }
  return calls;
}
