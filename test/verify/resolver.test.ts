import { Resolver } from '../../lib/verify/assembly/resolver';
import { AssemblyStack } from '../../lib/verify/assembly/types';
import { OutsidePartialAssembly, Unresolvable } from '../../lib/verify/assembly/unresolvable';

const network: AssemblyStack = {
  id: 'Net',
  stackName: 'Net',
  account: '100000000004',
  region: 'eu-west-2',
  template: {
    Conditions: {
      IsLondon: { 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'eu-west-2'] },
      IsElsewhere: { 'Fn::Not': [{ Condition: 'IsLondon' }] },
    },
    Resources: {
      Tgw: { Type: 'AWS::EC2::TransitGateway' },
      TgwId: {
        Type: 'AWS::SSM::Parameter',
        Properties: { Name: '/x/tgw-id', Type: 'String', Value: { Ref: 'Tgw' } },
      },
      Group: {
        Type: 'AWS::NetworkFirewall::RuleGroup',
        Properties: { RuleGroupName: 'seg', Type: 'STATEFUL' },
      },
      OnlyElsewhere: { Type: 'AWS::EC2::VPC', Condition: 'IsElsewhere' },
    },
    Outputs: {
      TgwOut: { Value: { Ref: 'Tgw' }, Export: { Name: 'Net:Tgw' } },
    },
  },
};
const spoke: AssemblyStack = {
  id: 'Spoke',
  stackName: 'Spoke',
  account: '200000000001',
  region: 'eu-west-2',
  template: {
    Parameters: {
      Shared: {
        Type: 'AWS::SSM::Parameter::Value<String>',
        Default: 'arn:aws:ssm:eu-west-2:100000000004:parameter/x/tgw-id',
      },
    },
    Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.64.0.0/21' } } },
  },
};
const sameAccount: AssemblyStack = {
  ...spoke,
  id: 'Shard',
  stackName: 'Shard',
  account: '100000000004',
  template: {},
};
const resolver = new Resolver([network, spoke, sameAccount]);

describe('Resolver', () => {
  test.each([
    ['Ref to a resource', network, { Ref: 'Tgw' }, '@Net/Tgw'],
    ['a shared parameter read by ARN from another account', spoke, { Ref: 'Shared' }, '@Net/Tgw'],
    ['a dynamic reference', network, 'id={{resolve:ssm:/x/tgw-id}}', 'id=@Net/Tgw'],
    ['Fn::ImportValue in the same account', sameAccount, { 'Fn::ImportValue': 'Net:Tgw' }, '@Net/Tgw'],
    [
      'Fn::GetStackOutput',
      sameAccount,
      { 'Fn::GetStackOutput': { StackName: 'Net', OutputName: 'TgwOut' } },
      '@Net/Tgw',
    ],
    [
      'Fn::Sub with a resource attribute',
      spoke,
      { 'Fn::Sub': '${Vpc.CidrBlock}|${AWS::AccountId}' },
      '10.64.0.0/21|200000000001',
    ],
    [
      'Fn::Select over Fn::Split',
      network,
      { 'Fn::Select': [1, { 'Fn::Split': [':', 'eu-west-2a:vpce-1'] }] },
      'vpce-1',
    ],
    ['Fn::If on a condition', network, { 'Fn::If': ['IsLondon', 'yes', 'no'] }, 'yes'],
  ])('%s', (_, stack, value, expected) => {
    expect(resolver.resolve(stack, value)).toBe(expected);
  });

  test('finds a rule group by the ARN its name gives it', () => {
    expect(
      resolver.record('arn:aws:network-firewall:eu-west-2:100000000004:stateful-rulegroup/seg')?.logicalId,
    ).toBe('Group');
  });

  test('leaves out resources whose condition is false', () => {
    expect([...resolver.all()].map((r) => r.logicalId)).not.toContain('OnlyElsewhere');
  });

  test('names what cannot be known before deploy', () => {
    expect(() => resolver.resolve(spoke, { 'Fn::ImportValue': 'Net:Tgw' })).toThrow(
      'Fn::ImportValue Net:Tgw: no stack in 200000000001/eu-west-2 exports it',
    );
    expect(() => resolver.resolve(spoke, '{{resolve:ssm:/nobody}}')).toThrow(
      'SSM parameter /nobody in 200000000001/eu-west-2 is written by no stack in the assembly',
    );
    expect(() => resolver.resolve(spoke, { 'Fn::GetAtt': ['Vpc', 'Ipv6CidrBlocks'] })).toThrow(
      'Spoke/Vpc.Ipv6CidrBlocks is only known at deploy',
    );
  });
});

describe('Fn::GetStackOutput of a stack the assembly does not hold', () => {
  const read = {
    'Fn::GetStackOutput': { StackName: 'Core-Network-Lane-07', OutputName: 'RouteTableTenantsProd' },
  };

  test('in a full assembly it is unresolvable: the model records a gap', () => {
    const attempt = () => resolver.resolve(sameAccount, read);
    expect(attempt).toThrow(Unresolvable);
    expect(attempt).not.toThrow(OutsidePartialAssembly);
    expect(attempt).toThrow(
      'Fn::GetStackOutput Core-Network-Lane-07.RouteTableTenantsProd: no such output in 100000000004/eu-west-2',
    );
  });

  test('in a one-tenant assembly it is outside the assembly, and says which tenant it was made for', () => {
    const partial = new Resolver([network, spoke, sameAccount], { partialTenant: 'RGR' });
    expect(() => partial.resolve(sameAccount, read)).toThrow(OutsidePartialAssembly);
    expect(() => partial.resolve(sameAccount, read)).toThrow(
      new Error(
        'Fn::GetStackOutput Core-Network-Lane-07.RouteTableTenantsProd: Core-Network-Lane-07 is not in this -c tenant=RGR assembly',
      ),
    );
  });

  test('a missing output of a stack it does hold is still a gap, partial or not', () => {
    const partial = new Resolver([network, spoke, sameAccount], { partialTenant: 'RGR' });
    const missing = { 'Fn::GetStackOutput': { StackName: 'Net', OutputName: 'Nothing' } };
    expect(() => partial.resolve(sameAccount, missing)).toThrow(Unresolvable);
    expect(() => partial.resolve(sameAccount, missing)).not.toThrow(OutsidePartialAssembly);
  });
});
