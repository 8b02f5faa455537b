import { NagRuleCompliance } from 'cdk-nag';
import { renderedProperties } from '../../rendered';
import { namedRule } from '../../rule';
import { conditionKeys, principalsOf, statementsOf } from '../../policy-statements';

/** Condition keys that tie "any principal" to the estate: its organization, or an account. */
const SCOPING_KEYS = [
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:principalaccount',
  'aws:sourceaccount',
  'kms:calleraccount',
];

/**
 * A KMS key policy never allows `Principal: *` (or `{ AWS: '*' }`) without a condition that
 * keeps it inside the estate (the organization, or a named account). Otherwise any AWS account
 * in the world may use, or with `kms:*` administer, the key.
 *
 * NCSC Cloud Security Principle 2, Asset protection and resilience; 9, Secure user management.
 */
export default namedRule(__filename, (node) => {
  if (node.cfnResourceType !== 'AWS::KMS::Key') return NagRuleCompliance.NOT_APPLICABLE;
  const open = statementsOf(renderedProperties(node).KeyPolicy).filter(
    (s) =>
      s.Effect === 'Allow' &&
      (principalsOf(s).AWS ?? []).includes('*') &&
      ![...conditionKeys(s)].some((key) => SCOPING_KEYS.includes(key)),
  );
  return open.length > 0 ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
});
