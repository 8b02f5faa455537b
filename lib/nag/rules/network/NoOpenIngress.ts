import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRules } from 'cdk-nag';
import { entries, field, renderedProperties } from '../../rendered';
import { namedRule } from '../../rule';

/** Whether an ingress rule admits the whole internet: any /0 range, IPv4 or IPv6. */
function isOpen(node: CfnResource, rule: unknown): boolean {
  return ['CidrIp', 'CidrIpv6'].some((key) => {
    const cidr = NagRules.resolveIfPrimitive(node, field(rule, key));
    return typeof cidr === 'string' && cidr.trim().endsWith('/0');
  });
}

/**
 * Security groups admit no traffic from 0.0.0.0/0 or ::/0, on any port, whether the rule is
 * inline (AWS::EC2::SecurityGroup SecurityGroupIngress) or separate (AWS::EC2::SecurityGroupIngress).
 * Internet-facing entry points sit in the hub behind the firewall; a genuine exception is
 * acknowledged on the resource.
 *
 * NCSC Cloud Security Principle 11, External interface protection; DSPT 9.7.1 (a firewall on every
 * inter-network connection).
 */
export default namedRule(__filename, (node) => {
  let rules: unknown[];
  if (node.cfnResourceType === 'AWS::EC2::SecurityGroup') {
    rules = entries(renderedProperties(node).SecurityGroupIngress, 'SecurityGroupIngress');
  } else if (node.cfnResourceType === 'AWS::EC2::SecurityGroupIngress') {
    rules = [renderedProperties(node)];
  } else {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  return rules.some((rule) => isOpen(node, rule))
    ? NagRuleCompliance.NON_COMPLIANT
    : NagRuleCompliance.COMPLIANT;
});
