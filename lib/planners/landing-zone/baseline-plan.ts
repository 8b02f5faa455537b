import { TenantEnvironment, Tier } from '../../config/model';
import { EstateConfig } from '../../config/schema/estate-schema';
import { LandingZoneConfig } from '../../config/schema/landing-zone-schema';
import { logBucketName } from '../naming';
import { PatientDataBackupPlan, planPatientDataBackup } from './backup-plan';
import { PatchingPlan, planPatching } from './patching-plan';
import { pipelineRoleArnPattern, PlatformRoleNames, platformRoleNames } from './platform-principals';

/**
 * What a per-purpose customer-managed key protects. `data` is for the tenant's own stores of
 * patient data (RDS, EFS): a snapshot under an AWS-managed key cannot be copied to another
 * account, so the central backup copy needs a key the backup account may use
 * (https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html).
 */
export type KeyPurpose = 'ebs' | 'logs' | 'backup' | 'data';

export interface BudgetPlan {
  readonly name: string;
  readonly monthlyGbp: number;
  /** AWS Budgets measures cost in USD whatever the billing currency, so the limit is converted. */
  readonly monthlyUsd: number;
  readonly thresholdsPercent: readonly number[];
  readonly subscribers: readonly string[];
}

export interface EndpointProtectionPlan {
  readonly associationName: string;
  readonly packageName: string;
  readonly parameters: Readonly<Record<string, readonly string[]>>;
  readonly schedule: string;
}

export interface BaselineRolesPlan {
  readonly names: PlatformRoleNames;
  /** Account whose principals may assume the platform admin role (the pipeline's). */
  readonly adminTrustedAccount: string;
  /** Of that account, only these roles (ARN patterns): the pipeline's, by name. */
  readonly adminTrustedRoles: readonly string[];
  /**
   * Whether the account gets the platform admin role. Not the management account: an
   * administrator there that the deployment account can assume would administer the whole
   * organization, SCPs included (they never apply to the management account).
   */
  readonly withAdmin: boolean;
  readonly readOnlyTrustedAccount: string;
  readonly breakGlassTrustedAccount: string;
}

export interface BaselinePlan {
  readonly estateName: string;
  readonly keyPurposes: readonly KeyPurpose[];
  readonly config: {
    /** Continuous change history for OFFICIAL-SENSITIVE accounts; a daily snapshot is enough for OFFICIAL. */
    readonly recordingFrequency: 'CONTINUOUS' | 'DAILY';
    /** Global resources (IAM) are recorded in the home region only, to avoid duplicates. */
    readonly includeGlobalResourceTypes: boolean;
    readonly bucketName: string;
  };
  readonly logRetentionDays: number;
  readonly budget?: BudgetPlan;
  /** Patient-data accounts only: a locked vault and plans copying to the central vault. */
  readonly backup?: PatientDataBackupPlan;
  /** Patient-data accounts only: Macie discovers and reports sensitive data in S3. */
  readonly macie: boolean;
  readonly patching: PatchingPlan;
  readonly endpointProtection?: EndpointProtectionPlan;
  readonly roles: BaselineRolesPlan;
}

interface AccountTraits {
  readonly region: string;
  readonly tier: Tier;
  readonly dataClassification: 'OFFICIAL' | 'OFFICIAL-SENSITIVE';
  readonly patientData: boolean;
}

function planAccount(traits: AccountTraits, estate: EstateConfig, lz: LandingZoneConfig): BaselinePlan {
  const { accounts } = estate.organization;
  const ep = lz.endpointProtection;
  return {
    estateName: estate.name,
    keyPurposes: traits.patientData ? ['ebs', 'logs', 'backup', 'data'] : ['ebs', 'logs'],
    config: {
      recordingFrequency: traits.dataClassification === 'OFFICIAL-SENSITIVE' ? 'CONTINUOUS' : 'DAILY',
      includeGlobalResourceTypes: traits.region === estate.homeRegion,
      bucketName: logBucketName(estate, 'cloudtrail'),
    },
    logRetentionDays: estate.security.logRetention,
    backup: traits.patientData ? planPatientDataBackup(estate, lz) : undefined,
    macie: traits.patientData,
    patching: planPatching(lz, traits.tier),
    endpointProtection: ep && {
      associationName: `${estate.name}-endpoint-protection`,
      packageName: ep.packageName,
      schedule: ep.schedule,
      parameters: {
        action: ['Install'],
        name: [ep.packageName],
        ...(ep.version ? { version: [ep.version] } : {}),
        ...(Object.keys(ep.additionalArguments).length
          ? { additionalArguments: [JSON.stringify(ep.additionalArguments)] }
          : {}),
      },
    },
    roles: {
      names: platformRoleNames(estate.name),
      adminTrustedAccount: accounts.deployment ?? accounts.management,
      adminTrustedRoles: [pipelineRoleArnPattern(estate.name, accounts.deployment ?? accounts.management)],
      withAdmin: true,
      readOnlyTrustedAccount: accounts.security,
      breakGlassTrustedAccount: accounts.management,
    },
  };
}

/**
 * The baseline of one tenant environment's account, from the tenant's classification, patient
 * data flag, budget and contacts. The differences an OFFICIAL-SENSITIVE patient-data tenant
 * gets over an OFFICIAL one: continuous Config recording, a backup key, a locked backup vault
 * and plans with a central copy, and Macie.
 */
export function planTenantBaseline(
  env: TenantEnvironment,
  estate: EstateConfig,
  lz: LandingZoneConfig,
): BaselinePlan {
  const { tenant } = env;
  const traits = {
    region: env.region,
    tier: env.tier,
    dataClassification: tenant.dataClassification,
    patientData: tenant.patientData,
  };
  const base = planAccount(traits, estate, lz);
  const subscribers = [
    ...new Set([tenant.contacts.owner, tenant.contacts.finance, tenant.contacts.security]),
  ].filter((e): e is string => e !== undefined);
  return {
    ...base,
    budget: {
      name: `${estate.name}-${tenant.odsCode}-${env.name}-monthly`,
      monthlyGbp: tenant.budget.monthlyGbp,
      monthlyUsd: Math.ceil(tenant.budget.monthlyGbp * lz.budgetUsdPerGbp),
      thresholdsPercent: [80, 100],
      subscribers,
    },
  };
}

/**
 * The baseline of a core account: classified like the core stacks, no patient data, no
 * budget. The management account's has no platform admin role (`management: true`).
 */
export function planCoreBaseline(
  region: string,
  estate: EstateConfig,
  lz: LandingZoneConfig,
  options: { readonly management?: boolean } = {},
): BaselinePlan {
  const plan = planAccount(
    { region, tier: 'prod', dataClassification: 'OFFICIAL-SENSITIVE', patientData: false },
    estate,
    lz,
  );
  return options.management ? { ...plan, roles: { ...plan.roles, withAdmin: false } } : plan;
}
