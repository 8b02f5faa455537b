import { CfnResource, CustomResource, NestedStack, Stack } from 'aws-cdk-lib';
import { CfnVPC, Vpc } from 'aws-cdk-lib/aws-ec2';
import { NagRuleCompliance } from 'cdk-nag';
import { Construct } from 'constructs';
import { renderedProperties, withRenderCache } from '../../../lib/nag/rendered';
import { VpcDefaultSecurityGroupClosed as rule } from '../../../lib/nag/rules/network';
import { TEST_ENV, newStack, validate, verdict } from '../helpers';

const SERVICE_TOKEN = 'arn:aws:lambda:eu-west-2:111111111111:function:account-defaults';

/** The account baseline's custom resource, as lib/patterns/baseline/account-defaults.ts renders it. */
function accountDefaults(scope: Construct, groupIds?: unknown[], id = 'AccountDefaults'): CfnResource {
  const resource = new CustomResource(scope, id, {
    serviceToken: SERVICE_TOKEN,
    resourceType: 'Custom::AccountDefaults',
    properties: {
      KmsKeyArn: 'arn:aws:kms:eu-west-2:111111111111:key/1',
      ...(groupIds && { DefaultSecurityGroupIds: groupIds }),
    },
  });
  return resource.node.defaultChild as CfnResource;
}

const vpc = (scope: Construct, id: string) => new CfnVPC(scope, id, { cidrBlock: '10.0.0.0/16' });
const finding = (path: string) => ({ id: 'NhsCloud-VpcDefaultSecurityGroupClosed', path });

describe('VpcDefaultSecurityGroupClosed', () => {
  test('passes a CfnVPC whose group the AccountDefaults custom resource lists', () => {
    const stack = newStack();
    const spoke = vpc(stack, 'Spoke');
    accountDefaults(stack, ['sg-0123456789abcdef0', spoke.attrDefaultSecurityGroup]);
    expect(validate(rule, stack)).toEqual([]);
    expect(verdict(rule, spoke)).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('passes an ec2.Vpc with restrictDefaultSecurityGroup: true (the CDK’s Custom::VpcRestrictDefaultSG)', () => {
    const stack = newStack();
    const hub = new Vpc(stack, 'Hub', { restrictDefaultSecurityGroup: true, subnetConfiguration: [] });
    const resource = hub.node.defaultChild as CfnVPC;
    const restrict = stack.node
      .findAll()
      .filter(CfnResource.isCfnResource)
      .find((r) => r.cfnResourceType === 'Custom::VpcRestrictDefaultSG')!;
    // What the rule matches: the CDK names the group in DefaultSecurityGroupId.
    expect(renderedProperties(restrict).DefaultSecurityGroupId).toEqual({
      'Fn::GetAtt': [stack.resolve(resource.logicalId), 'DefaultSecurityGroup'],
    });
    expect(validate(rule, stack)).toEqual([]);
    expect(verdict(rule, resource)).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('flags an ec2.Vpc with restrictDefaultSecurityGroup: false and nothing else closing its group', () => {
    const stack = newStack();
    new Vpc(stack, 'Hub', { restrictDefaultSecurityGroup: false, subnetConfiguration: [] });
    expect(validate(rule, stack)).toEqual([finding('Stack/Hub/Resource')]);
  });

  test('flags a bare CfnVPC', () => {
    const stack = newStack();
    const bare = vpc(stack, 'Vpc');
    expect(validate(rule, stack)).toEqual([finding('Stack/Vpc')]);
    expect(verdict(rule, bare)).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('flags a VPC when the AccountDefaults lists another VPC’s group', () => {
    const stack = newStack();
    const closed = vpc(stack, 'Closed');
    vpc(stack, 'Open');
    accountDefaults(stack, [closed.attrDefaultSecurityGroup]);
    expect(validate(rule, stack)).toEqual([finding('Stack/Open')]);
  });

  test('flags a VPC when the AccountDefaults lists no groups', () => {
    const stack = newStack();
    vpc(stack, 'Vpc');
    accountDefaults(stack);
    accountDefaults(stack, [], 'Empty');
    expect(validate(rule, stack)).toEqual([finding('Stack/Vpc')]);
  });

  test('counts only the VPC’s DefaultSecurityGroup attribute, named by a closing custom resource type', () => {
    const stack = newStack();
    const vpcA = vpc(stack, 'A');
    const vpcB = vpc(stack, 'B');
    const vpcC = vpc(stack, 'C');
    // Another attribute of the VPC, a literal group ID, and a custom resource of another type.
    accountDefaults(stack, [vpcA.attrCidrBlock, vpcA.ref, 'sg-0123456789abcdef0']);
    new CustomResource(stack, 'Other', {
      serviceToken: SERVICE_TOKEN,
      resourceType: 'Custom::Other',
      properties: {
        DefaultSecurityGroupId: vpcB.attrDefaultSecurityGroup,
        DefaultSecurityGroupIds: [vpcB.attrDefaultSecurityGroup],
      },
    });
    // The CDK's resource type, but naming the group in the AccountDefaults property.
    new CustomResource(stack, 'Restrict', {
      serviceToken: SERVICE_TOKEN,
      resourceType: 'Custom::VpcRestrictDefaultSG',
      properties: { DefaultSecurityGroupIds: [vpcC.attrDefaultSecurityGroup] },
    });
    expect(validate(rule, stack)).toEqual([finding('Stack/A'), finding('Stack/B'), finding('Stack/C')]);
  });

  test('does not count a custom resource in another stack, or a nested stack’s VPC of the same logical ID', () => {
    const stack = newStack();
    const spoke = vpc(stack, 'Vpc');
    const elsewhere = new Stack(stack.node.root, 'Elsewhere', { env: TEST_ENV });
    accountDefaults(elsewhere, [spoke.attrDefaultSecurityGroup]);
    const nested = new NestedStack(stack, 'Nested');
    const inner = vpc(nested, 'Vpc');
    accountDefaults(nested, [inner.attrDefaultSecurityGroup]);
    expect(validate(rule, stack.node.root)).toEqual([finding('Stack/Vpc')]);
  });

  test('reads the rendered properties, so escape-hatch overrides count both ways', () => {
    const stack = newStack();
    const removed = vpc(stack, 'Removed');
    const added = vpc(stack, 'Added');
    accountDefaults(stack, [removed.attrDefaultSecurityGroup]).addPropertyDeletionOverride(
      'DefaultSecurityGroupIds',
    );
    accountDefaults(stack, undefined, 'Overridden').addPropertyOverride('DefaultSecurityGroupIds', [
      added.attrDefaultSecurityGroup,
    ]);
    expect(validate(rule, stack)).toEqual([finding('Stack/Removed')]);
  });

  test('indexes each stack once per validation run, and afresh outside one', () => {
    const stack = newStack();
    const vpcs = [vpc(stack, 'A'), vpc(stack, 'B'), vpc(stack, 'C')];
    accountDefaults(stack, [vpcs[0].attrDefaultSecurityGroup]);
    const findAll = jest.spyOn(stack.node, 'findAll');
    try {
      const inRun = withRenderCache(() => vpcs.map(rule));
      expect(inRun).toEqual([
        NagRuleCompliance.COMPLIANT,
        NagRuleCompliance.NON_COMPLIANT,
        NagRuleCompliance.NON_COMPLIANT,
      ]);
      expect(findAll).toHaveBeenCalledTimes(1);
      // A later run sees the tree as it is now, not the first run's index.
      accountDefaults(stack, [vpcs[1].attrDefaultSecurityGroup], 'Later');
      expect(withRenderCache(() => vpcs.map(rule))).toEqual([
        NagRuleCompliance.COMPLIANT,
        NagRuleCompliance.COMPLIANT,
        NagRuleCompliance.NON_COMPLIANT,
      ]);
      expect(findAll).toHaveBeenCalledTimes(2);
      vpcs.forEach((v) => rule(v));
      expect(findAll).toHaveBeenCalledTimes(5);
    } finally {
      findAll.mockRestore();
    }
  });

  test('does not apply to other resources', () => {
    const stack = newStack();
    const spoke = vpc(stack, 'Vpc');
    expect(verdict(rule, accountDefaults(stack, [spoke.attrDefaultSecurityGroup]))).toBe(
      NagRuleCompliance.NOT_APPLICABLE,
    );
  });
});
