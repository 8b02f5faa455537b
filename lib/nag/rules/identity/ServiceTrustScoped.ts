import { NagRuleCompliance } from 'cdk-nag';
import { renderedProperties } from '../../rendered';
import { namedRule } from '../../rule';
import { conditionKeys, principalsOf, statementsOf } from '../../policy-statements';

/**
 * Service principals that assume a role on behalf of any account's resources and send the
 * caller's account and resource with the request, so the trust can and must name them
 * ("The confused deputy problem", https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html):
 * AWS Config, EventBridge, CloudTrail, the log delivery service, SNS and S3. Services that
 * assume an execution role only for a resource in the role's own account (Lambda, EC2, SSM's
 * Default Host Management, AWS Backup) are out of scope.
 */
const DEPUTIES = [
  'config.amazonaws.com',
  'events.amazonaws.com',
  'cloudtrail.amazonaws.com',
  'delivery.logs.amazonaws.com',
  'sns.amazonaws.com',
  's3.amazonaws.com',
];
const SCOPING_KEYS = ['aws:sourceaccount', 'aws:sourcearn', 'aws:sourceorgid'];

/**
 * A role that such a service assumes is trusted only for the estate's own requests: the trust
 * statement has an `aws:SourceAccount`, `aws:SourceArn` or `aws:SourceOrgID` condition.
 *
 * NCSC Cloud Security Principle 9, Secure user management.
 */
export default namedRule(__filename, (node) => {
  if (node.cfnResourceType !== 'AWS::IAM::Role') return NagRuleCompliance.NOT_APPLICABLE;
  const trusts = statementsOf(renderedProperties(node).AssumeRolePolicyDocument).filter(
    (s) =>
      s.Effect === 'Allow' && (principalsOf(s).Service ?? []).some((service) => DEPUTIES.includes(service)),
  );
  if (trusts.length === 0) return NagRuleCompliance.NOT_APPLICABLE;
  const unscoped = trusts.filter((s) => ![...conditionKeys(s)].some((key) => SCOPING_KEYS.includes(key)));
  return unscoped.length > 0 ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
});
