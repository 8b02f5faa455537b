import { Stack } from 'aws-cdk-lib';
import { CfnBucket, CfnBucketProps } from 'aws-cdk-lib/aws-s3';
import { NagRuleCompliance } from 'cdk-nag';
import { AuditLogObjectLock as rule } from '../../../lib/nag/rules/logging';
import { newStack, validate, verdict } from '../helpers';

const AUDIT = [{ key: 'nhs-cloud:purpose', value: 'audit-logs' }];
const auditBucket = (stack: Stack, props: CfnBucketProps = {}) =>
  new CfnBucket(stack, 'Audit', { tags: AUDIT, ...props });
const retention = (mode: string) => ({
  objectLockEnabled: 'Enabled',
  rule: { defaultRetention: { mode, years: 8 } },
});

describe('AuditLogObjectLock', () => {
  test.each<[string, CfnBucketProps]>([
    ['without Object Lock', {}],
    ['with Object Lock but no default retention', { objectLockEnabled: true }],
    [
      'with a GOVERNANCE mode default retention',
      { objectLockEnabled: true, objectLockConfiguration: retention('GOVERNANCE') },
    ],
    [
      'with a retention rule but Object Lock not enabled on the bucket',
      { objectLockConfiguration: retention('COMPLIANCE') },
    ],
  ])('flags an audit-log bucket %s', (_name, props) => {
    const stack = newStack();
    auditBucket(stack, props);
    expect(validate(rule, stack)).toEqual([{ id: 'NhsCloud-AuditLogObjectLock', path: 'Stack/Audit' }]);
  });

  test('passes an audit-log bucket locked in COMPLIANCE mode', () => {
    const stack = newStack();
    const bucket = auditBucket(stack, {
      objectLockEnabled: true,
      objectLockConfiguration: retention('COMPLIANCE'),
    });
    expect(validate(rule, stack)).toEqual([]);
    expect(verdict(rule, bucket)).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('does not apply to other buckets', () => {
    const stack = newStack();
    const data = new CfnBucket(stack, 'Data', { tags: [{ key: 'nhs-cloud:purpose', value: 'app-data' }] });
    const untagged = new CfnBucket(stack, 'Untagged');
    expect(verdict(rule, data)).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(verdict(rule, untagged)).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });
});
