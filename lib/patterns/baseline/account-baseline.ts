import { aws_macie as macie } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { BaselinePlan, KeyPurpose } from '../../planners/landing-zone/baseline-plan';
import { AccountDefaults } from './account-defaults';
import { BaselineKey } from './baseline-key';
import { BudgetAlerts } from './budget-alerts';
import { ConfigRecorder } from './config-recorder';
import { InstanceManagement } from './instance-management';
import { PatientDataBackup } from './patient-data-backup';
import { PlatformRoles } from './platform-roles';

/** Construct ID of the baseline in every stack that carries one (part of its resources' logical IDs). */
export const BASELINE_ID = 'Baseline';

export interface AccountBaselineProps {
  /** From `planTenantBaseline` or `planCoreBaseline`. */
  readonly plan: BaselinePlan;
  /**
   * Default security groups the account-defaults handler closes: the spoke VPC's, which then
   * needs no per-VPC `restrictDefaultSecurityGroup` custom resource of its own.
   * @default none
   */
  readonly defaultSecurityGroupIds?: readonly string[];
  /**
   * Entry of the account-defaults handler.
   * @default lib/handlers/account-defaults/index.ts
   */
  readonly accountDefaultsEntry?: string;
}

/**
 * The standard security baseline of one account, added to every tenant environment stack and
 * every core stack: per-purpose keys, EC2 account defaults (EBS encryption, IMDSv2, closed
 * default security groups), AWS Config, platform roles, instance management (Default Host
 * Management, endpoint protection, patching), a budget for tenants, and for patient-data
 * accounts locked backups and Macie.
 *
 * Lean by design, because ~2,000 stacks carry it: 25-32 resources, no per-stack bundling.
 */
export class AccountBaseline extends Construct {
  readonly keys: Readonly<Partial<Record<KeyPurpose, BaselineKey>>>;

  constructor(scope: Construct, id: string, props: AccountBaselineProps) {
    super(scope, id);
    const { plan } = props;
    const keys: Partial<Record<KeyPurpose, BaselineKey>> = {};
    for (const purpose of plan.keyPurposes) {
      keys[purpose] = new BaselineKey(this, `${capitalise(purpose)}Key`, {
        purpose,
        aliasPrefix: plan.estateName,
        // Every key whose data AWS Backup copies off the account: the vault's, the EBS default
        // key (EBS and EC2 copies keep the source key) and the tenant's data key.
        backupAccount: purpose === 'logs' ? undefined : plan.backup?.centralAccount,
      });
    }
    this.keys = keys;
    new AccountDefaults(this, 'AccountDefaults', {
      ebsKey: keys.ebs!.key,
      logsKey: keys.logs!.key,
      logRetentionDays: plan.logRetentionDays,
      roleName: plan.roles.names.accountDefaults,
      defaultSecurityGroupIds: props.defaultSecurityGroupIds,
      entry: props.accountDefaultsEntry,
    });
    new ConfigRecorder(this, 'Config', {
      bucketName: plan.config.bucketName,
      roleName: plan.roles.names.config,
      recordingFrequency: plan.config.recordingFrequency,
      includeGlobalResourceTypes: plan.config.includeGlobalResourceTypes,
    });
    new PlatformRoles(this, 'Roles', { plan: plan.roles });
    new InstanceManagement(this, 'Instances', {
      estateName: plan.estateName,
      managedInstanceRoleName: plan.roles.names.managedInstance,
      patching: plan.patching,
      endpointProtection: plan.endpointProtection,
    });
    if (plan.budget) new BudgetAlerts(this, 'Budget', { plan: plan.budget });
    if (plan.backup) new PatientDataBackup(this, 'Backup', { plan: plan.backup, key: keys.backup!.key });
    if (plan.macie) {
      new macie.CfnSession(this, 'Macie', {
        status: 'ENABLED',
        findingPublishingFrequency: 'FIFTEEN_MINUTES',
      });
    }
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
