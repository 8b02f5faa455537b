import { CfnParameter } from 'aws-cdk-lib';
import { CfnLogGroup } from 'aws-cdk-lib/aws-logs';
import { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { NagRuleCompliance } from 'cdk-nag';
import { LogRetentionMinimum } from '../../../lib/nag/rules/logging';
import { newStack, validate, verdict } from '../helpers';

const rule = LogRetentionMinimum(731);

describe('LogRetentionMinimum', () => {
  test('flags a log group kept for less than the minimum', () => {
    const stack = newStack();
    new CfnLogGroup(stack, 'Short', { retentionInDays: 30 });
    new CfnLogGroup(stack, 'JustUnder', { retentionInDays: 545 });
    expect(validate(rule, stack)).toEqual([
      { id: 'NhsCloud-LogRetentionMinimum', path: 'Stack/JustUnder' },
      { id: 'NhsCloud-LogRetentionMinimum', path: 'Stack/Short' },
    ]);
  });

  test('reads the retention as rendered, so an escape-hatch override is not missed', () => {
    const stack = newStack();
    const group = new CfnLogGroup(stack, 'Overridden', { retentionInDays: 3653 });
    group.addPropertyOverride('RetentionInDays', 7);
    expect(validate(rule, stack)).toEqual([{ id: 'NhsCloud-LogRetentionMinimum', path: 'Stack/Overridden' }]);
  });

  test('reports a rule error when the retention is a token', () => {
    const stack = newStack();
    const days = new CfnParameter(stack, 'Days', { type: 'Number' });
    new CfnLogGroup(stack, 'Group', { retentionInDays: days.valueAsNumber });
    expect(validate(rule, stack)).toEqual([
      expect.objectContaining({
        id: 'NhsCloud-LogRetentionMinimum',
        path: 'Stack/Group',
        error: expect.any(String),
      }),
    ]);
  });

  test('passes the minimum, longer retention, and no retention (never expire)', () => {
    const stack = newStack();
    const groups = [
      new CfnLogGroup(stack, 'Exact', { retentionInDays: 731 }),
      new CfnLogGroup(stack, 'Longer', { retentionInDays: 2922 }),
      new CfnLogGroup(stack, 'NeverExpires'),
    ];
    expect(validate(rule, stack)).toEqual([]);
    for (const group of groups) expect(verdict(rule, group)).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('does not apply to other resources', () => {
    expect(verdict(rule, new CfnBucket(newStack(), 'Bucket'))).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });
});
