import { NagRuleCompliance } from 'cdk-nag';
import { isSensitive } from '../../classification';
import { isIntrinsic, renderedProperties } from '../../rendered';
import { namedRule } from '../../rule';

/**
 * Backup vaults for OFFICIAL-SENSITIVE or patient data (classified as for SensitiveDataCustomerKey)
 * have AWS Backup Vault Lock (a LockConfiguration), so recovery points cannot be deleted early:
 * the immutable copy of the NHS 3-2-1 backup policy.
 *
 * NCSC Cloud Security Principle 2, Asset protection and resilience (resilience and recovery).
 */
export default namedRule(__filename, (node) => {
  if (node.cfnResourceType !== 'AWS::Backup::BackupVault' || !isSensitive(node)) {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  const lock = renderedProperties(node).LockConfiguration;
  if (isIntrinsic(lock)) {
    throw new Error(
      `LockConfiguration is not literal (${JSON.stringify(lock)}), so the rule could not be validated.`,
    );
  }
  return lock === undefined ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
});
