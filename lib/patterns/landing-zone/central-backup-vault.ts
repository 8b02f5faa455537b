import { RemovalPolicy, aws_backup as backup, aws_iam as iam } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { VaultLockPlan } from '../../planners/landing-zone/backup-plan';
import { OrganizationScope } from '../../planners/landing-zone/organization-scope';
import { retainedKey } from './retained-key';

export interface CentralBackupVaultProps {
  readonly vaultName: string;
  readonly keyAlias: string;
  readonly lock: VaultLockPlan;
  /** Who may copy into the vault: the organization's accounts. */
  readonly scope: OrganizationScope;
}

/**
 * The central vault of the backup account: the off-account, immutable copy of NHS England's
 * 3-2-1 policy. Vault Lock (COMPLIANCE after the grace days) and an access policy that admits
 * copies only from the organization; its key and the vault are retained.
 */
export class CentralBackupVault extends Construct {
  readonly vault: backup.CfnBackupVault;

  constructor(scope: Construct, id: string, props: CentralBackupVaultProps) {
    super(scope, id);
    const key = retainedKey(this, 'Key', { alias: props.keyAlias, description: 'Central backup vault' });
    const copyIn = new iam.PolicyDocument({
      statements: [
        new iam.PolicyStatement({
          sid: 'CopiesFromTheOrganization',
          principals: [new iam.AnyPrincipal()],
          actions: ['backup:CopyIntoBackupVault'],
          resources: ['*'],
          conditions: { StringEquals: { [props.scope.principalKey]: [...props.scope.values] } },
        }),
      ],
    });
    this.vault = new backup.CfnBackupVault(this, 'Resource', {
      backupVaultName: props.vaultName,
      encryptionKeyArn: key.keyArn,
      lockConfiguration: props.lock,
      accessPolicy: copyIn.toJSON(),
    });
    this.vault.applyRemovalPolicy(RemovalPolicy.RETAIN);
  }
}
