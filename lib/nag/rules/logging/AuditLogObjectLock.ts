import { NagRuleCompliance, NagRules } from 'cdk-nag';
import { tagIs } from '../../classification';
import { field, isTrue, renderedProperties } from '../../rendered';
import { namedRule } from '../../rule';
import { NhsTagKeys, renderedTags } from '../../tags';

/**
 * Audit-log buckets (tagged nhs-cloud:purpose=audit-logs) have Object Lock enabled with a default
 * retention in COMPLIANCE mode, so no one, the root user included, can delete or overwrite an
 * audit record before it expires. GOVERNANCE mode can be bypassed with a permission, so it fails.
 *
 * NCSC Cloud Security Principle 13, Audit information and alerting for customers (audit records
 * protected from tampering).
 */
export default namedRule(__filename, (node) => {
  if (node.cfnResourceType !== 'AWS::S3::Bucket') return NagRuleCompliance.NOT_APPLICABLE;
  if (!tagIs(node, renderedTags(node) ?? {}, NhsTagKeys.purpose, 'audit-logs')) {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  const props = renderedProperties(node);
  const lock = props.ObjectLockConfiguration;
  const enabled =
    isTrue(node, props.ObjectLockEnabled) &&
    NagRules.resolveIfPrimitive(node, field(lock, 'ObjectLockEnabled')) === 'Enabled';
  const mode = NagRules.resolveIfPrimitive(node, field(lock, 'Rule', 'DefaultRetention', 'Mode'));
  return enabled && mode === 'COMPLIANCE' ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
});
