import { join } from 'node:path';
import { loadConfig } from '../../lib/config/load-config';
import { AssemblyStack, CfnResource } from '../../lib/verify/assembly/types';
import { buildNetworkModel } from '../../lib/verify/model/build-model';
import { Walk } from '../../lib/verify/paths/walk';
import { fromCidr, range } from '../../lib/verify/sets/interval-set';
import { verifyNetwork } from '../../lib/verify/verify-network';
import { miniHub } from '../fixtures/assemblies/mini-hub';

const policy = loadConfig(join(__dirname, '..', 'fixtures', 'assemblies', 'mini-hub-config'));

function edited(edit: (resources: Record<string, Record<string, CfnResource>>) => void): AssemblyStack[] {
  const stacks = miniHub();
  edit(Object.fromEntries(stacks.map((s) => [s.id, s.template.Resources as Record<string, CfnResource>])));
  return stacks;
}

describe('the network model of the mini hub', () => {
  const model = buildNetworkModel(miniHub());

  test('joins accounts through the shared SSM parameter, the lookup custom resource and EndpointIds', () => {
    expect(model.gaps).toEqual([]);
    const raa = model.vpcs.find((v) => v.stack === 'Tenant-RAA-prod')!;
    expect(raa.attachments[0].tgw.id).toBe('@Core-Network/Tgw');
    expect(raa.attachments[0].association?.id).toBe('@Core-Network/TenantsProdTable');
    const transit = model.vpcs
      .find((v) => v.stack === 'Core-Network' && v.cidrs[0] === '10.0.0.0/22')!
      .subnets.find((s) => s.cidr === '10.0.1.128/25')!;
    const toFirewall = transit.routeTable.routes.find((r) => r.destination === '0.0.0.0/0')!.target;
    expect(toFirewall.kind === 'firewall' && toFirewall.endpoint.az).toBe('eu-west-2b');
  });

  test('answers "can RAA reach RBB on tcp/443, and how" with the hop list', () => {
    const raa = model.vpcs.find((v) => v.stack === 'Tenant-RAA-prod')!;
    const [subnet] = raa.subnets;
    const leaves = Walk.fromSubnet(
      subnet,
      { src: subnet.addresses, dst: fromCidr('10.64.8.0/23'), ports: range(443, 443) },
      'tcp',
    );
    // Both firewall zones deliver alike, so the zone branches merge into one witness.
    expect(leaves.map((l) => l.end.kind)).toEqual(['delivered']);
    expect(leaves[0].hops.map((h) => `${h.kind} ${h.node}`)).toEqual([
      'subnet Tenant-RAA-prod/Spokeworkload1Subnet',
      'attachment Tenant-RAA-prod/Attachment',
      'transit-gateway Core-Network/TenantsProdTable',
      'attachment Core-Network/InspectionAttachment',
      'subnet Core-Network/Inspectiontransit1Subnet',
      'firewall Core-Network/Firewall',
      'subnet Core-Network/Inspectionfirewall1Subnet',
      'attachment Core-Network/InspectionAttachment',
      'transit-gateway Core-Network/PostInspectionTable',
      'attachment Tenant-RBB-prod/Attachment',
      'subnet Tenant-RBB-prod/Spoketransit1Subnet',
      'delivered Tenant-RBB-prod/Spokeworkload1Subnet',
    ]);
    expect(leaves[0].hops[5].via).toBe('pass: segmentation: raa-to-rbb (sid 1000001)');
    const ssh = Walk.fromSubnet(
      subnet,
      { src: subnet.addresses, dst: fromCidr('10.64.8.0/23'), ports: range(22, 22) },
      'tcp',
      { recordDrops: true },
    );
    expect(ssh.map((l) => l.end.kind === 'dropped' && l.end.reason)).toEqual([
      'drop: stateful default aws:drop_strict, aws:alert_strict',
    ]);
  });
});

describe('proofs over the mini hub', () => {
  test('the untouched fixture proves clean', () => {
    expect(verifyNetwork(miniHub(), policy).violations).toEqual([]);
  });

  test('a value no stack writes is a model gap, not a silent pass', () => {
    const stacks = edited((r) => delete r['Core-Network'].TgwIdParameter);
    const messages = verifyNetwork(stacks, policy)
      .violations.filter((v) => v.check === 'model')
      .map((v) => v.message);
    expect(messages).toContain(
      'Tenant-RAA-prod/Attachment: SSM parameter /estate/network/transit-gateway-id in 100000000004/eu-west-2 is written by no stack in the assembly',
    );
  });

  test('a missing return route is an asymmetry with the reply as witness', () => {
    const stacks = edited((r) => delete r['Core-Network'].Firewall2ToTgw);
    const v = verifyNetwork(stacks, policy).violations.find(
      (x) => x.check === 'symmetry' && x.from === 'RAA/prod' && x.to === 'RBB/prod',
    );
    expect(v?.message).toBe(
      'the reply from RBB/prod to RAA/prod does not get back (no route in Core-Network/Inspectionfirewall2RouteTable)',
    );
    expect(v?.witness.map((h) => h.kind)).toEqual([
      'subnet',
      'attachment',
      'transit-gateway',
      'attachment',
      'subnet',
      'firewall',
      'subnet',
    ]);
  });

  test('a NACL that denies the allowed port breaks the policy flow, witnessed where it drops', () => {
    const stacks = edited((r) => {
      const rbb = r['Tenant-RBB-prod'];
      rbb.Nacl = { Type: 'AWS::EC2::NetworkAcl', Properties: { VpcId: { Ref: 'SpokeVpc' } } };
      rbb.DenyHttps = {
        Type: 'AWS::EC2::NetworkAclEntry',
        Properties: {
          NetworkAclId: { Ref: 'Nacl' },
          RuleNumber: 10,
          Protocol: 6,
          RuleAction: 'deny',
          Egress: false,
          CidrBlock: '0.0.0.0/0',
          PortRange: { From: 443, To: 443 },
        },
      };
      rbb.AllowRest = {
        Type: 'AWS::EC2::NetworkAclEntry',
        Properties: {
          NetworkAclId: { Ref: 'Nacl' },
          RuleNumber: 20,
          Protocol: -1,
          RuleAction: 'allow',
          Egress: false,
          CidrBlock: '0.0.0.0/0',
        },
      };
      for (const subnet of ['workload1', 'workload2', 'transit1', 'transit2']) {
        rbb[`NaclAssoc${subnet}`] = {
          Type: 'AWS::EC2::SubnetNetworkAclAssociation',
          Properties: { SubnetId: { Ref: `Spoke${subnet}Subnet` }, NetworkAclId: { Ref: 'Nacl' } },
        };
      }
    });
    const v = verifyNetwork(stacks, policy).violations.find((x) => x.check === 'policy-flows');
    expect(v?.message).toBe(
      'rule raa-to-rbb: RAA/prod cannot reach RBB/prod on tcp/443 (Tenant-RBB-prod/Nacl inbound rule 10 deny)',
    );
    expect(v?.witness.at(-1)).toMatchObject({
      kind: 'dropped',
      node: 'Tenant-RBB-prod/Spokeworkload1Subnet',
    });
  });

  test('a stateless pass-all default lets tenants meet uninspected', () => {
    const stacks = edited((r) => {
      const body = r['Core-Network'].Policy.Properties!.FirewallPolicy as Record<string, unknown>;
      body.StatelessDefaultActions = ['aws:pass'];
    });
    const v = verifyNetwork(stacks, policy).violations.find((x) => x.check === 'tenant-isolation');
    expect(v?.message).toBe(
      'RAA/prod reaches RBB/prod on tcp/any without an explicit pass by the inspection firewall',
    );
    expect(v?.witness.find((h) => h.kind === 'firewall')?.via).toBe('pass: stateless default aws:pass');
  });
});
