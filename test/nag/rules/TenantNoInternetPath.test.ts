import { Stack, Tags } from 'aws-cdk-lib';
import { CfnLaunchConfiguration } from 'aws-cdk-lib/aws-autoscaling';
import {
  CfnEgressOnlyInternetGateway,
  CfnEIP,
  CfnInstance,
  CfnInternetGateway,
  CfnLaunchTemplate,
  CfnNatGateway,
  CfnSubnet,
  CfnVPC,
} from 'aws-cdk-lib/aws-ec2';
import { NagRuleCompliance } from 'cdk-nag';
import { TenantNoInternetPath as rule } from '../../../lib/nag/rules/network';
import { newStack, validate, verdict } from '../helpers';

function tenantStack(): Stack {
  const stack = newStack();
  Tags.of(stack).add('nhs-cloud:stack-kind', 'tenant');
  return stack;
}

const publicNic = [{ deviceIndex: '0', subnetId: 'subnet-1', associatePublicIpAddress: true }];

describe('TenantNoInternetPath', () => {
  test.each<[string, (stack: Stack) => void]>([
    ['an internet gateway', (stack) => new CfnInternetGateway(stack, 'Path')],
    [
      'an egress-only internet gateway',
      (stack) => new CfnEgressOnlyInternetGateway(stack, 'Path', { vpcId: 'vpc-1' }),
    ],
    [
      'a public NAT gateway (the default connectivity type)',
      (stack) => new CfnNatGateway(stack, 'Path', { subnetId: 'subnet-1' }),
    ],
    ['an Elastic IP', (stack) => new CfnEIP(stack, 'Path', { domain: 'vpc' })],
    [
      'a subnet that maps public IPs on launch',
      (stack) => new CfnSubnet(stack, 'Path', { vpcId: 'vpc-1', mapPublicIpOnLaunch: true }),
    ],
    [
      'an instance asking for a public IP',
      (stack) => new CfnInstance(stack, 'Path', { networkInterfaces: publicNic }),
    ],
    [
      'a launch template asking for a public IP',
      (stack) =>
        new CfnLaunchTemplate(stack, 'Path', {
          launchTemplateData: { networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: true }] },
        }),
    ],
    [
      'a launch configuration asking for a public IP',
      (stack) =>
        new CfnLaunchConfiguration(stack, 'Path', {
          imageId: 'ami-1',
          instanceType: 't3.micro',
          associatePublicIpAddress: true,
        }),
    ],
  ])('flags %s in a tenant spoke', (_name, build) => {
    const stack = tenantStack();
    build(stack);
    expect(validate(rule, stack)).toEqual([{ id: 'NhsCloud-TenantNoInternetPath', path: 'Stack/Path' }]);
  });

  test('recognises a tenant spoke tagged through StackProps.tags', () => {
    const stack = newStack({ tags: { 'nhs-cloud:stack-kind': 'tenant' } });
    new CfnInternetGateway(stack, 'Igw');
    expect(validate(rule, stack)).toEqual([{ id: 'NhsCloud-TenantNoInternetPath', path: 'Stack/Igw' }]);
  });

  test('passes private subnets, private NAT gateways and instances without public IPs', () => {
    const stack = tenantStack();
    const resources = [
      new CfnVPC(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' }),
      new CfnSubnet(stack, 'Subnet', { vpcId: 'vpc-1', mapPublicIpOnLaunch: false }),
      new CfnNatGateway(stack, 'PrivateNat', { subnetId: 'subnet-1', connectivityType: 'private' }),
      new CfnInstance(stack, 'Instance', { networkInterfaces: [{ deviceIndex: '0', subnetId: 'subnet-1' }] }),
      new CfnLaunchTemplate(stack, 'Template', { launchTemplateData: { instanceType: 't3.micro' } }),
    ];
    expect(validate(rule, stack)).toEqual([]);
    expect(verdict(rule, resources[1])).toBe(NagRuleCompliance.COMPLIANT);
    expect(verdict(rule, resources[2])).toBe(NagRuleCompliance.COMPLIANT);
    expect(verdict(rule, resources[0])).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('does not apply outside tenant spokes', () => {
    const stack = newStack({ tags: { 'nhs-cloud:stack-kind': 'hub' } });
    const igw = new CfnInternetGateway(stack, 'Igw');
    expect(verdict(rule, igw)).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });
});
