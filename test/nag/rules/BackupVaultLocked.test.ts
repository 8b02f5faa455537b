import { CfnParameter, Fn, Tags } from 'aws-cdk-lib';
import { CfnBackupVault } from 'aws-cdk-lib/aws-backup';
import { NagRuleCompliance } from 'cdk-nag';
import { BackupVaultLocked as rule } from '../../../lib/nag/rules/backup';
import { newStack, validate, verdict } from '../helpers';

describe('BackupVaultLocked', () => {
  test('flags an unlocked vault in a patient-data stack', () => {
    const stack = newStack();
    Tags.of(stack).add('patient-data', 'true');
    new CfnBackupVault(stack, 'Vault', { backupVaultName: 'vault' });
    expect(validate(rule, stack)).toEqual([{ id: 'NhsCloud-BackupVaultLocked', path: 'Stack/Vault' }]);
  });

  test('flags an unlocked vault tagged OFFICIAL-SENSITIVE itself', () => {
    const stack = newStack();
    new CfnBackupVault(stack, 'Vault', {
      backupVaultName: 'vault',
      backupVaultTags: { 'data-classification': 'official-sensitive' },
    });
    expect(validate(rule, stack)).toEqual([{ id: 'NhsCloud-BackupVaultLocked', path: 'Stack/Vault' }]);
  });

  test('reports a rule error when the lock configuration is conditional', () => {
    const stack = newStack({ tags: { 'patient-data': 'true' } });
    const lock = new CfnParameter(stack, 'Lock', { type: 'String' });
    const vault = new CfnBackupVault(stack, 'Vault', { backupVaultName: 'vault' });
    vault.addPropertyOverride(
      'LockConfiguration',
      Fn.conditionIf('Locked', { MinRetentionDays: 7 }, lock.valueAsString),
    );
    expect(validate(rule, stack)).toEqual([
      expect.objectContaining({
        id: 'NhsCloud-BackupVaultLocked',
        path: 'Stack/Vault',
        error: expect.stringContaining('LockConfiguration is not literal'),
      }),
    ]);
  });

  test('passes a locked sensitive vault', () => {
    const stack = newStack({ tags: { 'data-classification': 'OFFICIAL-SENSITIVE' } });
    const vault = new CfnBackupVault(stack, 'Vault', {
      backupVaultName: 'vault',
      lockConfiguration: { minRetentionDays: 35, changeableForDays: 3 },
    });
    expect(validate(rule, stack)).toEqual([]);
    expect(verdict(rule, vault)).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('does not apply to vaults for OFFICIAL data', () => {
    const stack = newStack({ tags: { 'data-classification': 'OFFICIAL' } });
    expect(verdict(rule, new CfnBackupVault(stack, 'Vault', { backupVaultName: 'vault' }))).toBe(
      NagRuleCompliance.NOT_APPLICABLE,
    );
  });
});
