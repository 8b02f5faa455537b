import { CfnRole } from 'aws-cdk-lib/aws-iam';
import { ServiceTrustScoped as rule } from '../../../lib/nag/rules/identity';
import { newStack, validate } from '../helpers';

const trusting = (service: string, condition?: Record<string, unknown>) => ({
  assumeRolePolicyDocument: {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: service }, Condition: condition },
    ],
  },
});

describe('ServiceTrustScoped', () => {
  test('flags a Config or EventBridge role with no source condition', () => {
    const stack = newStack();
    new CfnRole(stack, 'Config', trusting('config.amazonaws.com'));
    new CfnRole(
      stack,
      'Events',
      trusting('events.amazonaws.com', { StringEquals: { 'aws:PrincipalTag/x': 'y' } }),
    );
    expect(validate(rule, stack)).toEqual([
      { id: 'NhsCloud-ServiceTrustScoped', path: 'Stack/Config' },
      { id: 'NhsCloud-ServiceTrustScoped', path: 'Stack/Events' },
    ]);
  });

  test('passes a scoped trust, and leaves execution roles of Lambda alone', () => {
    const stack = newStack();
    new CfnRole(
      stack,
      'Scoped',
      trusting('config.amazonaws.com', { StringEquals: { 'aws:SourceAccount': '111111111111' } }),
    );
    new CfnRole(stack, 'Lambda', trusting('lambda.amazonaws.com'));
    expect(validate(rule, stack)).toEqual([]);
  });
});
