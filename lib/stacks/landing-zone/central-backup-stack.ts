import { App } from 'aws-cdk-lib';
import { AccountBaseline } from '../../patterns/baseline/account-baseline';
import { CentralBackupVault } from '../../patterns/landing-zone/central-backup-vault';
import { EstateModel } from '../../config/model';
import { LandingZoneConfig } from '../../config/schema/landing-zone-schema';
import { centralVaultName, vaultLock } from '../../planners/landing-zone/backup-plan';
import { planCoreBaseline } from '../../planners/landing-zone/baseline-plan';
import { organizationScope } from '../../planners/landing-zone/organization-scope';
import { LANDING_ZONE_STACKS } from '../../planners/landing-zone/parameter-names';
import { coreStackProps } from '../stack-props';
import { EstateStack } from '../estate-stack';
import { BASELINE_ID } from './baselines';

/**
 * The backup account (when config names one): its own baseline and the central locked vault
 * that patient-data accounts copy into. Returns undefined without a backup account.
 */
export function addCentralBackup(
  app: App,
  model: EstateModel,
  lz: LandingZoneConfig,
): EstateStack | undefined {
  const { estate } = model;
  const account = estate.organization.accounts.backup;
  if (!account) return undefined;
  const base = coreStackProps(estate, 'security');
  const stack = new EstateStack(app, LANDING_ZONE_STACKS.backup, {
    ...base,
    env: { account, region: estate.homeRegion },
    description: 'NHS national cloud: central immutable backup vault (3-2-1 copy)',
  });
  new AccountBaseline(stack, BASELINE_ID, { plan: planCoreBaseline(estate.homeRegion, estate, lz) });
  new CentralBackupVault(stack, 'CentralVault', {
    vaultName: centralVaultName(estate.name),
    keyAlias: `alias/${estate.name}/central-backup`,
    lock: vaultLock(lz),
    scope: organizationScope(model, lz),
  });
  return stack;
}
