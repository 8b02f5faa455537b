import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRules } from 'cdk-nag';
import { renderedProperties } from '../../rendered';
import { namedRule } from '../../rule';

/**
 * Every VPC has a flow log: an AWS::EC2::FlowLog in the same stack whose ResourceId refers to the
 * VPC ({ Ref: <VPC logical ID> }). A flow log defined in another stack, or naming the VPC by a
 * literal ID, cannot be matched and does not count.
 *
 * NCSC Cloud Security Principle 13, Audit information and alerting for customers (network
 * traffic records for incident investigation).
 */
export default namedRule(__filename, (node) => {
  if (node.cfnResourceType !== 'AWS::EC2::VPC') return NagRuleCompliance.NOT_APPLICABLE;
  const stack = Stack.of(node);
  const vpcId = stack.resolve(node.logicalId);
  const hasFlowLog = stack.node
    .findAll()
    .some(
      (child) =>
        CfnResource.isCfnResource(child) &&
        child.cfnResourceType === 'AWS::EC2::FlowLog' &&
        Stack.of(child) === stack &&
        NagRules.resolveResourceFromIntrinsic(child, renderedProperties(child).ResourceId) === vpcId,
    );
  return hasFlowLog ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
});
