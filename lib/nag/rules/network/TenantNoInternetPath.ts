import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRules } from 'cdk-nag';
import { tagIs } from '../../classification';
import { entries, field, isTrue, renderedProperties } from '../../rendered';
import { namedRule } from '../../rule';
import { NhsTagKeys, stackTags } from '../../tags';

type Props = Record<string, unknown>;

const anyPublicInterface = (node: CfnResource, interfaces: unknown): boolean =>
  entries(interfaces, 'NetworkInterfaces').some((nic) =>
    isTrue(node, field(nic, 'AssociatePublicIpAddress')),
  );

/** Per resource type: whether it opens a direct internet path. */
const INTERNET_PATHS: Readonly<Record<string, (node: CfnResource, props: Props) => boolean>> = {
  'AWS::EC2::InternetGateway': () => true,
  'AWS::EC2::EgressOnlyInternetGateway': () => true,
  'AWS::EC2::EIP': () => true,
  // A private NAT gateway only translates between private networks (e.g. overlapping CIDRs).
  'AWS::EC2::NatGateway': (node, props) =>
    NagRules.resolveIfPrimitive(node, props.ConnectivityType) !== 'private',
  'AWS::EC2::Subnet': (node, props) => isTrue(node, props.MapPublicIpOnLaunch),
  'AWS::EC2::Instance': (node, props) => anyPublicInterface(node, props.NetworkInterfaces),
  'AWS::EC2::LaunchTemplate': (node, props) =>
    anyPublicInterface(node, field(props, 'LaunchTemplateData', 'NetworkInterfaces')),
  'AWS::AutoScaling::LaunchConfiguration': (node, props) => isTrue(node, props.AssociatePublicIpAddress),
};

/**
 * Tenant spokes (stacks tagged nhs-cloud:stack-kind=tenant) have no direct internet path: no
 * internet or egress-only internet gateways, public NAT gateways or Elastic IPs, no subnets that
 * give instances public IPs, and no instances or launch templates that ask for one. Spokes reach
 * the internet and HSCN only through the hub, where traffic is inspected and logged.
 *
 * NCSC Cloud Security Principle 11, External interface protection; 3, Separation between customers.
 */
export default namedRule(__filename, (node) => {
  const check = INTERNET_PATHS[node.cfnResourceType];
  if (!check || !tagIs(node, stackTags(node), NhsTagKeys.stackKind, 'tenant')) {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  return check(node, renderedProperties(node))
    ? NagRuleCompliance.NON_COMPLIANT
    : NagRuleCompliance.COMPLIANT;
});
