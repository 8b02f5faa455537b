import { RemovalPolicy, aws_backup as backup, aws_iam as iam, aws_kms as kms } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { PatientDataBackupPlan } from '../../planners/landing-zone/backup-plan';

export interface PatientDataBackupProps {
  readonly plan: PatientDataBackupPlan;
  /** Customer-managed key of the vault. */
  readonly key: kms.IKey;
}

const managed = (name: string) => iam.ManagedPolicy.fromAwsManagedPolicyName(name);

/**
 * Backups of a patient-data account: a vault under Vault Lock (COMPLIANCE mode once the grace
 * days pass, so no one can delete a recovery point early), a plan of daily and monthly rules
 * that also copy to the central backup account, and a selection of every supported resource
 * (nothing depends on tenants tagging what holds patient data).
 */
export class PatientDataBackup extends Construct {
  readonly vault: backup.CfnBackupVault;

  constructor(scope: Construct, id: string, props: PatientDataBackupProps) {
    super(scope, id);
    const { plan } = props;
    const role = new iam.Role(this, 'Role', {
      roleName: plan.roleName,
      assumedBy: new iam.ServicePrincipal('backup.amazonaws.com'),
      description: 'AWS Backup: takes, copies and restores the account backups',
      managedPolicies: [
        managed('service-role/AWSBackupServiceRolePolicyForBackup'),
        managed('service-role/AWSBackupServiceRolePolicyForRestores'),
        managed('AWSBackupServiceRolePolicyForS3Backup'),
        managed('AWSBackupServiceRolePolicyForS3Restore'),
      ],
    });
    this.vault = new backup.CfnBackupVault(this, 'Vault', {
      backupVaultName: plan.vaultName,
      encryptionKeyArn: props.key.keyArn,
      lockConfiguration: plan.lock,
    });
    this.vault.applyRemovalPolicy(RemovalPolicy.RETAIN);
    const backupPlan = new backup.CfnBackupPlan(this, 'Plan', {
      backupPlan: {
        backupPlanName: plan.planName,
        backupPlanRule: plan.rules.map((rule) => ({
          ruleName: rule.name,
          targetBackupVault: this.vault.attrBackupVaultName,
          scheduleExpression: rule.schedule,
          startWindowMinutes: 60,
          completionWindowMinutes: 720,
          lifecycle: { deleteAfterDays: rule.deleteAfterDays },
          copyActions: rule.copyToVaultArn
            ? [
                {
                  destinationBackupVaultArn: rule.copyToVaultArn,
                  lifecycle: { deleteAfterDays: rule.deleteAfterDays },
                },
              ]
            : undefined,
        })),
      },
    });
    new backup.CfnBackupSelection(this, 'Selection', {
      backupPlanId: backupPlan.attrBackupPlanId,
      backupSelection: {
        selectionName: 'all-supported-resources',
        iamRoleArn: role.roleArn,
        resources: ['*'],
      },
    });
  }
}
