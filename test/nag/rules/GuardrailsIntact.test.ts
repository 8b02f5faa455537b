import { CfnPolicy } from 'aws-cdk-lib/aws-organizations';
import { GuardrailsIntact } from '../../../lib/nag/rules/organization';
import { newStack, validate } from '../helpers';

const PLATFORM = ['arn:aws:iam::*:role/nhs-cloud-platform-*'];
const DENY = {
  Sid: 'ProtectNetwork',
  Effect: 'Deny',
  Action: ['ec2:CreateVpc', 'ec2:CreateRoute'],
  Resource: '*',
  Condition: { ArnNotLike: { 'aws:PrincipalArn': PLATFORM } },
};
const LEAVE = {
  Sid: 'DenyLeaving',
  Effect: 'Deny',
  Action: 'organizations:LeaveOrganization',
  Resource: '*',
};
const rule = GuardrailsIntact(
  [{ name: 'guardrails', document: { Version: '2012-10-17', Statement: [DENY, LEAVE] } }],
  PLATFORM,
);
const scp = (statements: unknown[], name = 'guardrails') => ({
  name,
  type: 'SERVICE_CONTROL_POLICY',
  content: { Version: '2012-10-17', Statement: statements },
  targetIds: ['ou-1'],
});

describe('GuardrailsIntact', () => {
  test('flags a removed statement, a dropped action and a wider exemption, one finding each', () => {
    const stack = newStack();
    new CfnPolicy(stack, 'Removed', scp([DENY]));
    new CfnPolicy(stack, 'Dropped', scp([{ ...DENY, Action: ['ec2:CreateVpc'] }, LEAVE]));
    new CfnPolicy(
      stack,
      'Exempt',
      scp([
        {
          ...DENY,
          Condition: { ArnNotLike: { 'aws:PrincipalArn': [...PLATFORM, 'arn:aws:iam::*:role/*'] } },
        },
        LEAVE,
      ]),
    );
    expect(validate(rule, stack)).toEqual([
      { id: 'NhsCloud-GuardrailsIntact[exempt:arn:aws:iam::*:role/*]', path: 'Stack/Exempt' },
      { id: 'NhsCloud-GuardrailsIntact[missing:DenyLeaving]', path: 'Stack/Removed' },
      { id: 'NhsCloud-GuardrailsIntact[widened:ProtectNetwork]', path: 'Stack/Dropped' },
    ]);
  });

  test("passes the planner's policy, added statements, and policies it does not plan", () => {
    const stack = newStack();
    new CfnPolicy(stack, 'Same', scp([LEAVE, DENY]));
    new CfnPolicy(
      stack,
      'Stricter',
      scp([DENY, LEAVE, { Sid: 'More', Effect: 'Deny', Action: 's3:*', Resource: '*' }]),
    );
    new CfnPolicy(stack, 'Other', scp([], 'someone-elses'));
    expect(validate(rule, stack)).toEqual([]);
  });
});
