import { CfnAccessKey, CfnRole, CfnUser } from 'aws-cdk-lib/aws-iam';
import { NoIamUsers as rule } from '../../../lib/nag/rules/identity';
import { newStack, validate } from '../helpers';

describe('NoIamUsers', () => {
  test('flags IAM users and access keys', () => {
    const stack = newStack();
    new CfnUser(stack, 'User', {});
    new CfnAccessKey(stack, 'Key', { userName: 'someone' });
    expect(validate(rule, stack)).toEqual([
      { id: 'NhsCloud-NoIamUsers', path: 'Stack/Key' },
      { id: 'NhsCloud-NoIamUsers', path: 'Stack/User' },
    ]);
  });

  test('passes roles', () => {
    const stack = newStack();
    new CfnRole(stack, 'Role', { assumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] } });
    expect(validate(rule, stack)).toEqual([]);
  });
});
