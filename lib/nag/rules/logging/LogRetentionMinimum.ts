import { NagRuleCompliance, NagRules } from 'cdk-nag';
import { renderedProperties } from '../../rendered';
import { NagRule, namedRule } from '../../rule';

/**
 * CloudWatch log groups keep logs for at least `minDays`. A log group with no RetentionInDays
 * never expires its logs, which satisfies "at least", so it is compliant; cost of unbounded
 * retention is a FinOps concern, not an audit one.
 *
 * NCSC Cloud Security Principle 13, Audit information and alerting for customers (records kept
 * long enough to investigate an incident).
 */
export default function LogRetentionMinimum(minDays: number): NagRule {
  return namedRule(__filename, (node) => {
    if (node.cfnResourceType !== 'AWS::Logs::LogGroup') return NagRuleCompliance.NOT_APPLICABLE;
    const days = NagRules.resolveIfPrimitive(node, renderedProperties(node).RetentionInDays);
    if (days === undefined) return NagRuleCompliance.COMPLIANT;
    return Number(days) >= minDays ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  });
}
