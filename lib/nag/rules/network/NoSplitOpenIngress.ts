import { CfnResource, Stack } from 'aws-cdk-lib';
import { CfnSecurityGroupIngress } from 'aws-cdk-lib/aws-ec2';
import { NagRuleCompliance, NagRules } from 'cdk-nag';
import { blockSize, parseCidr } from '../../../net/cidr';
import { entries, field, renderedProperties } from '../../rendered';
import { namedRule } from '../../rule';

const IPV4_SPACE = 2 ** 32;

/** The IPv4 ranges a group admits, inline and from separate ingress resources in its stack. */
function ingressRanges(group: CfnResource): string[] {
  const stack = Stack.of(group);
  const id = stack.getLogicalId(group);
  const inline = entries(renderedProperties(group).SecurityGroupIngress, 'SecurityGroupIngress');
  const separate = stack.node
    .findAll()
    .filter((c): c is CfnSecurityGroupIngress => c instanceof CfnSecurityGroupIngress)
    .filter((ingress) => {
      const target = JSON.stringify(stack.resolve(ingress.groupId));
      return (
        target === JSON.stringify({ 'Fn::GetAtt': [id, 'GroupId'] }) || target === JSON.stringify({ Ref: id })
      );
    })
    .map((ingress) => renderedProperties(ingress));
  return [...inline, ...separate]
    .map((rule) => NagRules.resolveIfPrimitive(group, field(rule, 'CidrIp')))
    .filter((cidr): cidr is string => typeof cidr === 'string');
}

/** Whether ranges together cover every IPv4 address. */
function coversEverything(cidrs: readonly string[]): boolean {
  const spans = cidrs
    .map((c) => parseCidr(c.trim()))
    .map((c) => [c.base, c.base + blockSize(c)] as const)
    .sort((a, b) => a[0] - b[0]);
  let reached = 0;
  for (const [start, end] of spans) {
    if (start > reached) return false;
    reached = Math.max(reached, end);
  }
  return reached >= IPV4_SPACE;
}

/**
 * A security group is not open to the whole IPv4 internet through ranges that add up to it
 * (`0.0.0.0/1` and `128.0.0.0/1`, or any split), inline or in separate ingress rules of its
 * stack: the same opening `NoOpenIngress` refuses as `0.0.0.0/0`, which it leaves to that rule.
 * IPv6 ranges are not summed.
 *
 * NCSC Cloud Security Principle 11, External interface protection.
 */
export default namedRule(__filename, (node) => {
  if (node.cfnResourceType !== 'AWS::EC2::SecurityGroup') return NagRuleCompliance.NOT_APPLICABLE;
  const ranges = ingressRanges(node);
  if (ranges.some((c) => c.trim().endsWith('/0'))) return NagRuleCompliance.NOT_APPLICABLE;
  return ranges.length > 1 && coversEverything(ranges)
    ? NagRuleCompliance.NON_COMPLIANT
    : NagRuleCompliance.COMPLIANT;
});
