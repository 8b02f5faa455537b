import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance } from 'cdk-nag';
import { field, isIntrinsic, perRun, renderedProperties } from '../../rendered';
import { namedRule } from '../../rule';

type Props = Record<string, unknown>;

/**
 * The custom resources that close a VPC's default security group, and where each names the group:
 * the CDK's own (ec2.Vpc restrictDefaultSecurityGroup) one group per VPC, the account baseline's
 * AccountDefaults (lib/patterns/baseline/account-defaults.ts) a list of them.
 */
const CLOSERS: Readonly<Record<string, (props: Props) => unknown[]>> = {
  'Custom::VpcRestrictDefaultSG': (props) => [props.DefaultSecurityGroupId],
  'Custom::AccountDefaults': (props) =>
    Array.isArray(props.DefaultSecurityGroupIds) ? props.DefaultSecurityGroupIds : [],
};

/** The logical ID of the VPC whose default security group `ref` is, if it is exactly such a GetAtt. */
function defaultGroupOwner(ref: unknown): string | undefined {
  if (!isIntrinsic(ref)) return undefined;
  const getAtt = field(ref, 'Fn::GetAtt');
  return Array.isArray(getAtt) &&
    getAtt.length === 2 &&
    typeof getAtt[0] === 'string' &&
    getAtt[1] === 'DefaultSecurityGroup'
    ? getAtt[0]
    : undefined;
}

/**
 * The logical IDs of the VPCs whose default security group a custom resource in `stack` closes.
 * Indexed once per stack in a validation run; resources of nested stacks belong to those stacks.
 */
const closedDefaultGroups = perRun((stack: Stack): ReadonlySet<string> => {
  const closed = new Set<string>();
  for (const child of stack.node.findAll()) {
    if (!CfnResource.isCfnResource(child) || Stack.of(child) !== stack) continue;
    const groupsOf = CLOSERS[child.cfnResourceType];
    if (!groupsOf) continue;
    for (const ref of groupsOf(renderedProperties(child))) {
      const vpc = defaultGroupOwner(ref);
      if (vpc) closed.add(vpc);
    }
  }
  return closed;
});

/**
 * Every VPC has its default security group closed (every rule revoked) by a custom resource in the
 * same stack that names it by `{ 'Fn::GetAtt': [<VPC logical ID>, 'DefaultSecurityGroup'] }`:
 * the CDK's Custom::VpcRestrictDefaultSG (its DefaultSecurityGroupId) or the account baseline's
 * Custom::AccountDefaults (its DefaultSecurityGroupIds list). A group named by literal ID, through
 * a parameter or from another stack cannot be matched and does not count. This is the check that
 * cdk-nag's VPCDefaultSecurityGroupClosed cannot make for a plain AWS::EC2::VPC.
 *
 * NCSC Cloud Security Principle 3, Separation between customers: a resource launched without a
 * security group lands in the default group, which otherwise admits all traffic from its other
 * members and all outbound traffic.
 */
export default namedRule(__filename, (node) => {
  if (node.cfnResourceType !== 'AWS::EC2::VPC') return NagRuleCompliance.NOT_APPLICABLE;
  const stack = Stack.of(node);
  return closedDefaultGroups(stack).has(stack.resolve(node.logicalId) as string)
    ? NagRuleCompliance.COMPLIANT
    : NagRuleCompliance.NON_COMPLIANT;
});
