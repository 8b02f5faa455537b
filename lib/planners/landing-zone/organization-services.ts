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
export const POLICY_TYPES = ['SERVICE_CONTROL_POLICY', 'TAG_POLICY', 'S3_POLICY'] as const;

/**
 * The calls, in a fixed order (construct IDs and dependencies depend on it). The security
 * account administers GuardDuty, Security Hub (a CloudFormation resource, not here), Inspector,
 * Macie, Access Analyzer and Config; the log-archive account owns the organization trail.
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
    trustedAccess('AccessAnalyzerAccess', 'access-analyzer.amazonaws.com'),
    trustedAccess('ConfigAccess', 'config.amazonaws.com'),
    trustedAccess('ConfigMultiAccountAccess', 'config-multiaccountsetup.amazonaws.com'),
    trustedAccess('BackupAccess', 'backup.amazonaws.com'),
    trustedAccess('IamAccess', 'iam.amazonaws.com'),
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
    },
    {
      id: 'InspectorAdmin',
      service: 'Inspector2',
      action: 'enableDelegatedAdminAccount',
      parameters: { delegatedAdminAccountId: security },
      iamActions: ['inspector2:EnableDelegatedAdminAccount', ...ORG_ACCESS, ...ORG_DELEGATE, ...SLR],
      alreadyDone: 'ConflictException',
    },
    {
      id: 'MacieAdmin',
      service: 'Macie2',
      action: 'enableOrganizationAdminAccount',
      parameters: { adminAccountId: security },
      iamActions: ['macie2:EnableOrganizationAdminAccount', ...ORG_ACCESS, ...ORG_DELEGATE, ...SLR],
      alreadyDone: 'ConflictException',
    },
    {
      id: 'CloudTrailAdmin',
      service: 'CloudTrail',
      action: 'registerOrganizationDelegatedAdmin',
      parameters: { MemberAccountId: logArchive },
      iamActions: ['cloudtrail:RegisterOrganizationDelegatedAdmin', ...ORG_ACCESS, ...ORG_DELEGATE, ...SLR],
      alreadyDone: 'AccountRegisteredException',
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
