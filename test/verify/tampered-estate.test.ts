import { AssemblyStack } from '../../lib/verify/assembly/types';
import { CheckId, Violation } from '../../lib/verify/checks/types';
import { verifyNetwork } from '../../lib/verify/verify-network';
import { exampleModel } from '../support/example-estate';
import { synthStacks } from './support/synth-example';
import { findResource, props, resourcesOf, shardOf, stackOf } from './support/tamper';

/**
 * The example estate, synthesized once, then edited in memory the way a mistake or an
 * attacker would edit a template. Each edit must be caught with a witness path that shows
 * the way round the controls; the untouched estate must prove clean.
 */
const model = exampleModel();
let pristine: AssemblyStack[];

beforeAll(() => {
  pristine = synthStacks(model);
}, 300_000);

function verify(edit: (stacks: AssemblyStack[]) => void = () => undefined): readonly Violation[] {
  const stacks = structuredClone(pristine);
  edit(stacks);
  return verifyNetwork(stacks, model).violations;
}

function only(violations: readonly Violation[], check: CheckId, from?: string, to?: string): Violation {
  const hits = violations.filter(
    (v) => v.check === check && (!from || v.from === from) && (!to || v.to === to),
  );
  if (hits.length === 0) {
    throw new Error(
      `no ${check} violation ${from ?? ''} -> ${to ?? ''}; got:\n${violations.map((v) => v.message).join('\n')}`,
    );
  }
  return hits[0];
}

const kinds = (v: Violation): string[] => v.witness.map((h) => h.kind);
const spokeVpc = (stack: AssemblyStack): string => findResource(stack, 'AWS::EC2::VPC')[0];
const workloadRoute = (stack: AssemblyStack, n: number) =>
  findResource(stack, 'AWS::EC2::Route', (_, id) => id.includes(`Workload${n}To0x0x0x0x0`));

test('the clean estate proves every property', () => {
  expect(verify().map((v) => v.message)).toEqual([]);
});

test('a VPC peering between two tenants, with routes, is caught', () => {
  const violations = verify((stacks) => {
    const rgr = stackOf(stacks, 'Tenant-RGR-prod');
    const qhm = stackOf(stacks, 'Tenant-QHM-prod');
    resourcesOf(rgr).Peering = {
      Type: 'AWS::EC2::VPCPeeringConnection',
      Properties: {
        VpcId: { Ref: spokeVpc(rgr) },
        PeerVpcId: 'vpc-0a1b2c3d4e5f60718',
        PeerOwnerId: qhm.account,
      },
    };
    const [, route] = workloadRoute(rgr, 1);
    resourcesOf(rgr).PeeringRoute = {
      Type: 'AWS::EC2::Route',
      Properties: {
        RouteTableId: props(route).RouteTableId,
        DestinationCidrBlock: '10.64.16.0/21',
        VpcPeeringConnectionId: { Ref: 'Peering' },
      },
    };
  });
  const v = only(violations, 'tenant-isolation', 'RGR/prod', 'QHM/prod');
  expect(v.message).toBe(
    'RGR/prod reaches QHM/prod on tcp/any without an explicit pass by the inspection firewall',
  );
  expect(kinds(v)).toEqual(['subnet', 'peering', 'delivered']);
  expect(v.witness[0].via).toBe('10.64.16.0/21 -> peering Tenant-RGR-prod/Peering');
  expect(v.witness[2].node).toMatch(/^Tenant-QHM-prod\/Spoke\/workloadSubnet1/);
});

test('a route to an internet gateway in a spoke is caught, both ways', () => {
  const violations = verify((stacks) => {
    const rgr = stackOf(stacks, 'Tenant-RGR-prod');
    const r = resourcesOf(rgr);
    r.Igw = { Type: 'AWS::EC2::InternetGateway', Properties: {} };
    r.IgwAttachment = {
      Type: 'AWS::EC2::VPCGatewayAttachment',
      Properties: { VpcId: { Ref: spokeVpc(rgr) }, InternetGatewayId: { Ref: 'Igw' } },
    };
    const [, route] = workloadRoute(rgr, 1);
    delete props(route).TransitGatewayId;
    props(route).GatewayId = { Ref: 'Igw' };
  });
  const out = only(violations, 'internet-egress', 'RGR/prod');
  expect(out.message).toMatch(
    /^RGR\/prod reaches the internet on \w+\/any without an explicit pass by the inspection firewall, and without NAT after it$/,
  );
  expect(kinds(out)).toEqual(['subnet', 'internet-gateway']);
  expect(out.witness[0].via).toBe('0.0.0.0/0 -> internet gateway Tenant-RGR-prod/Igw');
  const inbound = only(violations, 'internet-ingress', 'internet', 'RGR/prod');
  expect(kinds(inbound)).toEqual(['internet-gateway', 'delivered']);
  expect(inbound.witness[1].node).toMatch(/^Tenant-RGR-prod\/Spoke\/workloadSubnet1/);
});

test('a tenant attachment propagated into a tenant segment is caught', () => {
  const violations = verify((stacks) => {
    const shard = shardOf(stacks, 'SpokeRDEprod');
    const [, association] = findResource(shard, 'AWS::EC2::TransitGatewayRouteTableAssociation', (p) =>
      JSON.stringify(p.TransitGatewayAttachmentId).includes('SpokeRDEprod'),
    );
    resourcesOf(shard).Leak = {
      Type: 'AWS::EC2::TransitGatewayRouteTablePropagation',
      Properties: { ...props(association) }, // same attachment, same (tenants-prod) table
    };
  });
  const v = only(violations, 'tenant-isolation', 'RGR/prod', 'RDE/prod');
  expect(v.message).toBe(
    'RGR/prod reaches RDE/prod on tcp/any without an explicit pass by the inspection firewall',
  );
  expect(kinds(v)).toEqual(['subnet', 'attachment', 'transit-gateway', 'attachment', 'subnet', 'delivered']);
  expect(v.witness[2].via).toBe(
    '10.64.120.0/21 -> Tenant-RDE-prod/Spoke/TransitGatewayAttachment (propagated)',
  );
});

test('appliance mode switched off on the inspection attachment is caught', () => {
  const violations = verify((stacks) => {
    const network = stackOf(stacks, 'Core-Network');
    const [, attachment] = findResource(network, 'AWS::EC2::TransitGatewayVpcAttachment', (p) =>
      JSON.stringify(p.Options).includes('"ApplianceModeSupport":"enable"'),
    );
    (props(attachment).Options as Record<string, string>).ApplianceModeSupport = 'disable';
  });
  const v = violations.find((x) => x.check === 'symmetry' && x.message.includes('without appliance mode'));
  expect(v?.message).toBe(
    "Core-Network/Inspection/Attachment leads into firewall Core-Network/Inspection/Firewall without appliance mode: the reply can meet another zone's endpoint and be dropped",
  );
  expect(kinds(v!).slice(0, 6)).toEqual([
    'subnet',
    'attachment',
    'transit-gateway',
    'attachment',
    'subnet',
    'firewall',
  ]);
  expect(v!.witness[3].via).toBe('same zone');
  const zone = violations.find((x) => x.check === 'symmetry' && x.message.includes('meets no flow state'));
  expect(zone?.message).toMatch(
    /^the reply from \S+ to \S+ crosses Core-Network\/Inspection\/Firewall in eu-west-2\w, the request in eu-west-2\w/,
  );
});

test('a firewall rule changed to pass all traffic is caught', () => {
  const violations = verify((stacks) => {
    const rules = stackOf(stacks, 'Core-Network-FirewallRules');
    const [, group] = findResource(rules, 'AWS::NetworkFirewall::RuleGroup', (p) =>
      String(p.RuleGroupName).includes('segmentation'),
    );
    const source = (props(group).RuleGroup as { RulesSource: { RulesString: string } }).RulesSource;
    source.RulesString = `pass ip any any -> any any (msg:"temporary-allow-all"; sid:999;)\n${source.RulesString}`;
  });
  const v = only(violations, 'tenant-isolation', 'RGR/prod', 'QHM/prod');
  expect(v.message).toBe('RGR/prod reaches QHM/prod on tcp/any, which no segmentation rule allows');
  const firewall = v.witness.find((h) => h.kind === 'firewall');
  expect(firewall?.via).toBe('pass: nhs-cloud-segmentation: temporary-allow-all (sid 999)');
  expect(kinds(v)).toEqual([
    'subnet',
    'attachment',
    'transit-gateway',
    'attachment',
    'subnet',
    'firewall',
    'subnet',
    'attachment',
    'transit-gateway',
    'attachment',
    'subnet',
    'delivered',
  ]);
  expect(only(violations, 'on-premises', 'RGR/prod').message).toMatch(
    /^RGR\/prod reaches \w+'s on-premises network/,
  );
  expect(violations.some((x) => x.check === 'tier-isolation')).toBe(false); // the tier blackholes still hold
});

test('a default route in the tenant segment pointing at a tenant attachment is caught', () => {
  const violations = verify((stacks) => {
    const network = stackOf(stacks, 'Core-Network');
    const [defaultId, defaultRoute] = findResource(
      network,
      'AWS::EC2::TransitGatewayRoute',
      (p, id) => p.DestinationCidrBlock === '0.0.0.0/0' && id.includes('TenantsProd'),
    );
    delete resourcesOf(network)[defaultId];
    const shard = shardOf(stacks, 'SpokeRDEprod');
    const [, association] = findResource(shard, 'AWS::EC2::TransitGatewayRouteTableAssociation', (p) =>
      JSON.stringify(p.TransitGatewayAttachmentId).includes('SpokeRDEprod'),
    );
    resourcesOf(shard).Hijack = {
      Type: 'AWS::EC2::TransitGatewayRoute',
      Properties: {
        TransitGatewayRouteTableId: props(association).TransitGatewayRouteTableId,
        DestinationCidrBlock: '0.0.0.0/0',
        TransitGatewayAttachmentId: props(association).TransitGatewayAttachmentId,
      },
    };
    expect(props(defaultRoute).DestinationCidrBlock).toBe('0.0.0.0/0');
  });
  const v = only(violations, 'tenant-isolation', 'RGR/prod', 'RDE/prod');
  expect(v.message).toBe(
    'RGR/prod reaches RDE/prod on tcp/any without an explicit pass by the inspection firewall',
  );
  expect(kinds(v)).toEqual(['subnet', 'attachment', 'transit-gateway', 'attachment', 'subnet', 'delivered']);
  expect(v.witness[2].via).toBe('0.0.0.0/0 -> Tenant-RDE-prod/Spoke/TransitGatewayAttachment (static)');
  expect(only(violations, 'policy-flows', 'RGR/prod', 'X24/prod').message).toMatch(
    /^rule tenants-to-national-services: RGR\/prod cannot reach X24\/prod on tcp\/443/,
  );
});
