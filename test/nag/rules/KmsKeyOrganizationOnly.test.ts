import { CfnKey } from 'aws-cdk-lib/aws-kms';
import { KmsKeyOrganizationOnly as rule } from '../../../lib/nag/rules/encryption';
import { newStack, validate } from '../helpers';

const keyWith = (statement: Record<string, unknown>) => ({
  keyPolicy: { Version: '2012-10-17', Statement: [statement] },
});

describe('KmsKeyOrganizationOnly', () => {
  test('flags "*" with no condition, and "*" whose condition does not scope it', () => {
    const stack = newStack();
    new CfnKey(stack, 'Anyone', keyWith({ Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' }));
    new CfnKey(
      stack,
      'AnyoneViaS3',
      keyWith({
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 'kms:Decrypt',
        Resource: '*',
        Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-2.amazonaws.com' } },
      }),
    );
    expect(validate(rule, stack)).toEqual([
      { id: 'NhsCloud-KmsKeyOrganizationOnly', path: 'Stack/Anyone' },
      { id: 'NhsCloud-KmsKeyOrganizationOnly', path: 'Stack/AnyoneViaS3' },
    ]);
  });

  test('passes "*" kept to the organization or an account, named principals and denies', () => {
    const stack = newStack();
    new CfnKey(
      stack,
      'Organization',
      keyWith({
        Effect: 'Allow',
        Principal: '*',
        Action: 'kms:Decrypt',
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
      }),
    );
    new CfnKey(
      stack,
      'Account',
      keyWith({
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 'kms:Decrypt',
        Resource: '*',
        Condition: { StringEquals: { 'kms:CallerAccount': '111111111111' } },
      }),
    );
    new CfnKey(
      stack,
      'Root',
      keyWith({
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111111111111:root' },
        Action: 'kms:*',
        Resource: '*',
      }),
    );
    new CfnKey(
      stack,
      'Deny',
      keyWith({ Effect: 'Deny', Principal: '*', Action: 'kms:ScheduleKeyDeletion', Resource: '*' }),
    );
    expect(validate(rule, stack)).toEqual([]);
  });
});
