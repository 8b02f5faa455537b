import { EstateConfig } from '../../config/schema/estate-schema';
import { LandingZoneConfig } from '../../config/schema/landing-zone-schema';
import { platformRoleNames } from './platform-principals';

export interface BackupRulePlan {
  readonly name: string;
  /** AWS Backup schedule (UTC). */
  readonly schedule: string;
  readonly deleteAfterDays: number;
  /** Central backup vault a copy goes to (the immutable, off-account copy of 3-2-1). */
  readonly copyToVaultArn?: string;
}

export interface VaultLockPlan {
  readonly minRetentionDays: number;
  readonly maxRetentionDays: number;
  /** After this many days the lock can no longer be changed or removed (COMPLIANCE mode). */
  readonly changeableForDays: number;
}

export interface PatientDataBackupPlan {
  /** Backup account that receives the copies (its key grant), if there is one. */
  readonly centralAccount?: string;
  readonly vaultName: string;
  readonly planName: string;
  readonly roleName: string;
  readonly lock: VaultLockPlan;
  readonly rules: readonly BackupRulePlan[];
}

export function centralVaultName(estateName: string): string {
  return `${estateName}-central-backup`;
}

/** The central vault in the backup account's home region, or undefined with no backup account. */
export function centralVaultArn(estate: EstateConfig): string | undefined {
  const account = estate.organization.accounts.backup;
  if (!account) return undefined;
  return `arn:aws:backup:${estate.homeRegion}:${account}:backup-vault:${centralVaultName(estate.name)}`;
}

/** Retention the vault locks enforce: no recovery point shorter than a daily, none longer than a monthly. */
export function vaultLock(lz: LandingZoneConfig): VaultLockPlan {
  return {
    minRetentionDays: lz.backup.dailyRetentionDays,
    maxRetentionDays: lz.backup.monthlyRetentionDays,
    changeableForDays: lz.backup.vaultLockChangeableDays,
  };
}

/**
 * Backups of a patient-data account (NHS England 3-2-1 with an immutable copy): every
 * supported resource, daily kept 35 days and monthly kept 7 years (config), into a locked vault
 * in the account, each copied to the locked central vault in the backup account.
 *
 *   daily   cron(0 1 * * ? *)  35 days    copy -> arn:aws:backup:eu-west-2:<backup>:backup-vault:nhs-cloud-central-backup
 *   monthly cron(0 3 1 * ? *)  2557 days  copy -> the same
 */
export function planPatientDataBackup(estate: EstateConfig, lz: LandingZoneConfig): PatientDataBackupPlan {
  const copyToVaultArn = centralVaultArn(estate);
  return {
    centralAccount: estate.organization.accounts.backup,
    vaultName: `${estate.name}-patient-data`,
    planName: `${estate.name}-patient-data`,
    roleName: platformRoleNames(estate.name).backup,
    lock: vaultLock(lz),
    rules: [
      {
        name: 'daily',
        schedule: 'cron(0 1 * * ? *)',
        deleteAfterDays: lz.backup.dailyRetentionDays,
        copyToVaultArn,
      },
      {
        name: 'monthly',
        schedule: 'cron(0 3 1 * ? *)',
        deleteAfterDays: lz.backup.monthlyRetentionDays,
        copyToVaultArn,
      },
    ],
  };
}
