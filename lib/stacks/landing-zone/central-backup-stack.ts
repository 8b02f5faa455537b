import { Construct } from 'constructs';
import { AccountBaseline, BASELINE_ID } from '../../patterns/baseline/account-baseline';
import { CentralBackupVault } from '../../patterns/landing-zone/central-backup-vault';
import { EstateModel } from '../../config/model';
import { LandingZoneConfig } from '../../config/schema/landing-zone-schema';
import { centralVaultName, vaultLock } from '../../planners/landing-zone/backup-plan';
import { planCoreBaseline } from '../../planners/landing-zone/baseline-plan';
import { organizationScope } from '../../planners/landing-zone/organization-scope';
import { EstateStack } from '../estate-stack';
import { coreStackProps } from '../stack-props';

export interface CentralBackupStackProps {
  readonly model: EstateModel;
  readonly landingZone: LandingZoneConfig;
  /** `organization.accounts.backup`: the app builds this stack only when config names one. */
  readonly account: string;
}

/**
 * Core-Backup, in the backup account: its own baseline and the central locked vault that
 * patient-data accounts copy into (the off-account copy of 3-2-1).
 */
export class CentralBackupStack extends EstateStack {
  readonly vault: CentralBackupVault;

  constructor(scope: Construct, id: string, props: CentralBackupStackProps) {
    const { model, landingZone: lz, account } = props;
    const { estate } = model;
    super(scope, id, {
      ...coreStackProps(estate, 'security'),
      env: { account, region: estate.homeRegion },
      description: 'NHS national cloud: central immutable backup vault (3-2-1 copy)',
    });
    new AccountBaseline(this, BASELINE_ID, { plan: planCoreBaseline(estate.homeRegion, estate, lz) });
    this.vault = new CentralBackupVault(this, 'CentralVault', {
      vaultName: centralVaultName(estate.name),
      keyAlias: `alias/${estate.name}/central-backup`,
      lock: vaultLock(lz),
      scope: organizationScope(model, lz),
    });
  }
}
