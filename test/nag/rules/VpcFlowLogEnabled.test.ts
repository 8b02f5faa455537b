import { NestedStack, Stack } from 'aws-cdk-lib';
import { CfnFlowLog, CfnVPC } from 'aws-cdk-lib/aws-ec2';
import { NagRuleCompliance } from 'cdk-nag';
import { VpcFlowLogEnabled as rule } from '../../../lib/nag/rules/logging';
import { TEST_ENV, newStack, validate, verdict } from '../helpers';

const flowLog = { resourceType: 'VPC', trafficType: 'ALL', logDestinationType: 'cloud-watch-logs' };

describe('VpcFlowLogEnabled', () => {
  test('flags a VPC with no flow log', () => {
    const stack = newStack();
    new CfnVPC(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
    expect(validate(rule, stack)).toEqual([{ id: 'NhsCloud-VpcFlowLogEnabled', path: 'Stack/Vpc' }]);
  });

  test('flags a VPC whose stack logs a different VPC', () => {
    const stack = newStack();
    const logged = new CfnVPC(stack, 'Logged', { cidrBlock: '10.0.0.0/16' });
    new CfnVPC(stack, 'Unlogged', { cidrBlock: '10.1.0.0/16' });
    new CfnFlowLog(stack, 'FlowLog', { ...flowLog, resourceId: logged.ref });
    expect(validate(rule, stack)).toEqual([{ id: 'NhsCloud-VpcFlowLogEnabled', path: 'Stack/Unlogged' }]);
  });

  test('does not count a flow log that names a VPC by literal ID or sits in another stack', () => {
    const stack = newStack();
    const vpc = new CfnVPC(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
    new CfnFlowLog(stack, 'Literal', { ...flowLog, resourceId: 'vpc-0123456789abcdef0' });
    const elsewhere = new Stack(stack.node.root, 'Elsewhere', { env: TEST_ENV });
    new CfnFlowLog(elsewhere, 'FlowLog', { ...flowLog, resourceId: vpc.ref });
    expect(validate(rule, stack.node.root)).toEqual([
      { id: 'NhsCloud-VpcFlowLogEnabled', path: 'Stack/Vpc' },
    ]);
  });

  test('does not mistake a nested stack’s VPC of the same logical ID for the parent’s', () => {
    const stack = newStack();
    new CfnVPC(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
    const nested = new NestedStack(stack, 'Nested');
    const inner = new CfnVPC(nested, 'Vpc', { cidrBlock: '10.1.0.0/16' });
    new CfnFlowLog(nested, 'FlowLog', { ...flowLog, resourceId: inner.ref });
    expect(validate(rule, stack)).toEqual([{ id: 'NhsCloud-VpcFlowLogEnabled', path: 'Stack/Vpc' }]);
  });

  test('passes a VPC with a flow log that references it, wherever the flow log sits in the tree', () => {
    const stack = newStack();
    const vpc = new CfnVPC(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
    new CfnFlowLog(vpc, 'FlowLog', { ...flowLog, resourceId: vpc.ref });
    expect(validate(rule, stack)).toEqual([]);
    expect(verdict(rule, vpc)).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('does not apply to other resources', () => {
    const stack = newStack();
    const log = new CfnFlowLog(stack, 'FlowLog', { ...flowLog, resourceId: 'vpc-1' });
    expect(verdict(rule, log)).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });
});
