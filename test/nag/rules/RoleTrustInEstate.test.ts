import { CfnRole } from 'aws-cdk-lib/aws-iam';
import { RoleTrustInEstate } from '../../../lib/nag/rules/identity';
import { newStack, validate } from '../helpers';

const rule = RoleTrustInEstate(['111111111111', '222222222222']);
const trusting = (statement: Record<string, unknown>) => ({
  assumeRolePolicyDocument: {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', ...statement }],
  },
});

describe('RoleTrustInEstate', () => {
  test('flags an outside account, "*" without the organization, and federation, one finding each', () => {
    const stack = newStack();
    new CfnRole(stack, 'Partner', trusting({ Principal: { AWS: 'arn:aws:iam::999999999999:root' } }));
    new CfnRole(stack, 'Anyone', trusting({ Principal: { AWS: '*' } }));
    new CfnRole(
      stack,
      'Oidc',
      trusting({ Principal: { Federated: 'arn:aws:iam::111111111111:oidc-provider/x' } }),
    );
    expect(validate(rule, stack)).toEqual([
      { id: 'NhsCloud-RoleTrustInEstate[*]', path: 'Stack/Anyone' },
      { id: 'NhsCloud-RoleTrustInEstate[999999999999]', path: 'Stack/Partner' },
      { id: 'NhsCloud-RoleTrustInEstate[federated]', path: 'Stack/Oidc' },
    ]);
  });

  test('passes the estate\'s accounts, "*" kept to the organization, and services', () => {
    const stack = newStack();
    new CfnRole(stack, 'Deploy', trusting({ Principal: { AWS: 'arn:aws:iam::222222222222:root' } }));
    new CfnRole(
      stack,
      'Org',
      trusting({
        Principal: { AWS: '*' },
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
      }),
    );
    new CfnRole(stack, 'Lambda', trusting({ Principal: { Service: 'lambda.amazonaws.com' } }));
    expect(validate(rule, stack)).toEqual([]);
  });
});
