import { CfnParameter } from 'aws-cdk-lib';
import { CfnSecurityGroup, CfnSecurityGroupEgress, CfnSecurityGroupIngress } from 'aws-cdk-lib/aws-ec2';
import { NagRuleCompliance } from 'cdk-nag';
import { NoOpenIngress as rule } from '../../../lib/nag/rules/network';
import { newStack, validate, verdict } from '../helpers';

describe('NoOpenIngress', () => {
  test('flags inline rules open to 0.0.0.0/0 or ::/0 on any port', () => {
    const stack = newStack();
    new CfnSecurityGroup(stack, 'Https', {
      groupDescription: 'web',
      securityGroupIngress: [
        { ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '10.0.0.0/8' },
        { ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '0.0.0.0/0' },
      ],
    });
    new CfnSecurityGroup(stack, 'Ipv6', {
      groupDescription: 'all',
      securityGroupIngress: [{ ipProtocol: '-1', cidrIpv6: '::/0' }],
    });
    expect(validate(rule, stack)).toEqual([
      { id: 'NhsCloud-NoOpenIngress', path: 'Stack/Https' },
      { id: 'NhsCloud-NoOpenIngress', path: 'Stack/Ipv6' },
    ]);
  });

  test('flags separate ingress rules open to the internet', () => {
    const stack = newStack();
    new CfnSecurityGroupIngress(stack, 'Ssh', {
      groupId: 'sg-1',
      ipProtocol: 'tcp',
      fromPort: 22,
      toPort: 22,
      cidrIp: '0.0.0.0/0',
    });
    new CfnSecurityGroupIngress(stack, 'AnyV6', { groupId: 'sg-1', ipProtocol: '-1', cidrIpv6: '::0/0' });
    expect(validate(rule, stack)).toEqual([
      { id: 'NhsCloud-NoOpenIngress', path: 'Stack/AnyV6' },
      { id: 'NhsCloud-NoOpenIngress', path: 'Stack/Ssh' },
    ]);
  });

  test('reports a rule error when a source range is a token', () => {
    const stack = newStack();
    const cidr = new CfnParameter(stack, 'Cidr', { type: 'String' });
    new CfnSecurityGroupIngress(stack, 'Ingress', {
      groupId: 'sg-1',
      ipProtocol: 'tcp',
      cidrIp: cidr.valueAsString,
    });
    expect(validate(rule, stack)).toEqual([
      expect.objectContaining({
        id: 'NhsCloud-NoOpenIngress',
        path: 'Stack/Ingress',
        error: expect.any(String),
      }),
    ]);
  });

  test('passes ingress from private ranges, prefix lists and other groups', () => {
    const stack = newStack();
    const group = new CfnSecurityGroup(stack, 'Group', {
      groupDescription: 'app',
      securityGroupIngress: [
        { ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '10.0.0.0/8' },
        { ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv6: 'fd00::/8' },
        { ipProtocol: 'tcp', fromPort: 443, toPort: 443, sourcePrefixListId: 'pl-1' },
      ],
    });
    const ingress = new CfnSecurityGroupIngress(stack, 'FromGroup', {
      groupId: group.attrGroupId,
      ipProtocol: 'tcp',
      sourceSecurityGroupId: 'sg-2',
    });
    expect(validate(rule, stack)).toEqual([]);
    expect(verdict(rule, group)).toBe(NagRuleCompliance.COMPLIANT);
    expect(verdict(rule, ingress)).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('does not apply to egress rules', () => {
    const stack = newStack();
    const egress = new CfnSecurityGroupEgress(stack, 'Egress', {
      groupId: 'sg-1',
      ipProtocol: '-1',
      cidrIp: '0.0.0.0/0',
    });
    expect(verdict(rule, egress)).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });
});
