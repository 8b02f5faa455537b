import { NagRuleCompliance } from 'cdk-nag';
import { namedRule } from '../../rule';

const LONG_LIVED = ['AWS::IAM::User', 'AWS::IAM::AccessKey', 'AWS::IAM::UserToGroupAddition'];

/**
 * No IAM users or access keys: people sign in through IAM Identity Center and workloads use
 * roles, so no long-lived credential exists to leak (ADR 0012). The tenant-boundary SCP denies
 * creating them outside templates too.
 *
 * NCSC Cloud Security Principle 9, Secure user management; 10, Identity and authentication.
 */
export default namedRule(__filename, (node) => {
  if (LONG_LIVED.includes(node.cfnResourceType)) return NagRuleCompliance.NON_COMPLIANT;
  // A role is the identity the estate uses instead.
  return node.cfnResourceType === 'AWS::IAM::Role'
    ? NagRuleCompliance.COMPLIANT
    : NagRuleCompliance.NOT_APPLICABLE;
});
