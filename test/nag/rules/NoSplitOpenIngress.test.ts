import { CfnSecurityGroup, CfnSecurityGroupIngress } from 'aws-cdk-lib/aws-ec2';
import { NoSplitOpenIngress as rule } from '../../../lib/nag/rules/network';
import { newStack, validate } from '../helpers';

describe('NoSplitOpenIngress', () => {
  test('flags inline halves of the internet', () => {
    const stack = newStack();
    new CfnSecurityGroup(stack, 'Halves', {
      groupDescription: 'split',
      securityGroupIngress: [
        { ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '0.0.0.0/1' },
        { ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '128.0.0.0/1' },
      ],
    });
    expect(validate(rule, stack)).toEqual([{ id: 'NhsCloud-NoSplitOpenIngress', path: 'Stack/Halves' }]);
  });

  test('adds up separate ingress rules of the same group', () => {
    const stack = newStack();
    const group = new CfnSecurityGroup(stack, 'Quarters', { groupDescription: 'split' });
    ['0.0.0.0/2', '64.0.0.0/2', '128.0.0.0/2', '192.0.0.0/2'].forEach(
      (cidrIp, i) =>
        new CfnSecurityGroupIngress(stack, `Q${i}`, { groupId: group.attrGroupId, ipProtocol: '-1', cidrIp }),
    );
    expect(validate(rule, stack)).toEqual([{ id: 'NhsCloud-NoSplitOpenIngress', path: 'Stack/Quarters' }]);
  });

  test('passes ranges that leave space out, and leaves 0.0.0.0/0 to NoOpenIngress', () => {
    const stack = newStack();
    new CfnSecurityGroup(stack, 'Private', {
      groupDescription: 'private',
      securityGroupIngress: [
        { ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '10.0.0.0/8' },
        { ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '0.0.0.0/1' },
      ],
    });
    new CfnSecurityGroup(stack, 'Whole', {
      groupDescription: 'whole',
      securityGroupIngress: [{ ipProtocol: 'tcp', cidrIp: '0.0.0.0/0' }],
    });
    expect(validate(rule, stack)).toEqual([]);
  });
});
