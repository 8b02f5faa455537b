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
    /^the reply from \S+ to \S+ crosses Core-Network\/Inspection\/Firewall in euw2-az\d, the request in euw2-az\d/,
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
  // RM3 shares RGR's lane; QHM is in lane 2, which lane 1's post-inspection table cannot reach at all.
  const v = only(violations, 'tenant-isolation', 'RGR/prod', 'RM3/prod');
  expect(v.message).toBe('RGR/prod reaches RM3/prod on tcp/any, which no segmentation rule allows');
  expect(violations.some((x) => x.from === 'RGR/prod' && x.to === 'QHM/prod')).toBe(false);
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

/** The stand-in ID the proofs give a resource: `@Stack/LogicalId`, the same string as its Ref. */
const idOf = (
  stack: AssemblyStack,
  type: string,
  match: (p: Record<string, unknown>, id: string) => boolean,
) => `@${stack.id}/${findResource(stack, type, match)[0]}`;
const tagged = (key: string, value: string) => (p: Record<string, unknown>) =>
  JSON.stringify(p.Tags ?? []).includes(`{"Key":"${key}","Value":"${value}"}`);

describe('lanes (docs/adr/0024-hub-lanes.md)', () => {
  test('the example places X24 (national, Direct Connect) and RGR in lane 1, QHM and RW3 in lane 2', () => {
    expect(pristine.map((s) => s.id).filter((id) => id.startsWith('Core-Network-Lane'))).toEqual([
      'Core-Network-Lane-02',
    ]);
    expect(JSON.stringify(shardOf(pristine, 'SpokeQHMprod').template)).toContain('Core-Network-Lane-02');
    expect(JSON.stringify(shardOf(pristine, 'SpokeRGRprod').template)).not.toContain('Core-Network-Lane-02');
  });

  test('a request steered into the wrong lane is caught: the request crosses one lane, the reply another', () => {
    const violations = verify((stacks) => {
      // X24 is in lane 1; a route sends on-premises traffic for it through lane 2 instead.
      const lane2 = stackOf(stacks, 'Core-Network-Lane-02');
      resourcesOf(lane2).Misroute = {
        Type: 'AWS::EC2::TransitGatewayRoute',
        Properties: {
          TransitGatewayRouteTableId: idOf(
            stackOf(stacks, 'Core-Network'),
            'AWS::EC2::TransitGatewayRouteTable',
            tagged('Name', 'nhs-cloud-on-premises'),
          ),
          DestinationCidrBlock: '10.64.240.0/21',
          TransitGatewayAttachmentId: idOf(
            lane2,
            'AWS::EC2::TransitGatewayVpcAttachment',
            tagged('Name', 'inspection-lane-02'),
          ),
        },
      };
    });
    const v = only(violations, 'symmetry', 'on-premises/X24', 'X24/prod');
    expect(v.message).toBe(
      'the reply from X24/prod to on-premises/X24 crosses Core-Network/Inspection/Firewall (lane 1), ' +
        'but the request crossed Core-Network-Lane-02/Inspection/Firewall (lane 2): the reply meets no flow state',
    );
    expect(v.witness.find((h) => h.kind === 'firewall')?.node).toBe('Core-Network/Inspection/Firewall');
    expect(violations.filter((x) => x.check !== 'symmetry')).toEqual([]);
  });

  test('a reply steered to the wrong lane is caught: it never gets back', () => {
    const violations = verify((stacks) => {
      // RW3 (lane 2) hears back from its on-premises network through lane 2; point that at lane 1.
      const rw3 = model.tenants.find((t) => t.odsCode === 'RW3')!.environments.prod.cidr;
      const returns = stacks.find(
        (s) =>
          s.id.startsWith('Core-Network-Returns') &&
          JSON.stringify(s.template).includes(`RouteOnPremises${rw3.replace(/[./]/g, 'x')}`),
      )!;
      const [, route] = findResource(
        returns,
        'AWS::EC2::TransitGatewayRoute',
        (p, id) => id.startsWith('ReturnsRouteOnPremises') && p.DestinationCidrBlock === rw3,
      );
      props(route).TransitGatewayAttachmentId = idOf(
        stackOf(stacks, 'Core-Network'),
        'AWS::EC2::TransitGatewayVpcAttachment',
        tagged('Name', 'inspection'),
      );
    });
    const v = only(violations, 'symmetry', 'RW3/prod', 'on-premises/RW3');
    expect(v.message).toBe('the reply from on-premises/RW3 to RW3/prod does not get back (blackhole route)');
    expect(v.witness.find((h) => h.kind === 'firewall')?.node).toBe('Core-Network/Inspection/Firewall');
  });

  test('a tenant attached to another lane’s tables is a departure from the plan, and breaks its replies', () => {
    const violations = verify((stacks) => {
      const shard = shardOf(stacks, 'SpokeQHMprod');
      const [, association] = findResource(shard, 'AWS::EC2::TransitGatewayRouteTableAssociation', (p) =>
        JSON.stringify(p.TransitGatewayAttachmentId).includes('SpokeQHMprod'),
      );
      props(association).TransitGatewayRouteTableId = idOf(
        stackOf(stacks, 'Core-Network'),
        'AWS::EC2::TransitGatewayRouteTable',
        tagged('Name', 'nhs-cloud-tenants-prod'),
      );
    });
    const departure = only(violations, 'plan', 'QHM/prod');
    expect(departure.message).toBe(
      'QHM/prod: Tenant-QHM-prod/Spoke/TransitGatewayAttachment is in lane 1 but Tenant-QHM-nonprod/Spoke/TransitGatewayAttachment ' +
        "puts QHM in lane 2: a tenant's attachments share one lane",
    );
    expect(departure.witness[0].node).toBe('Tenant-QHM-prod/Spoke/TransitGatewayAttachment');
    // QHM's requests now leave through lane 1, where nothing routes back to it.
    expect(violations.some((x) => x.check === 'symmetry' && x.from === 'QHM/prod')).toBe(true);
  });

  test('with the tier blackholes gone, routing alone no longer keeps the tiers apart, and the proof says so', () => {
    const violations = verify((stacks) => {
      const shard = shardOf(stacks, 'SpokeRGRprod');
      for (const [id, r] of Object.entries(resourcesOf(shard)))
        if (r.Type === 'AWS::EC2::TransitGatewayRoute' && props(r).Blackhole === true)
          delete resourcesOf(shard)[id];
    });
    const v = only(violations, 'routing-isolation', 'RM3/prod', 'RGR/nonprod');
    expect(v.message).toBe(
      'with every firewall passing everything, prod RM3/prod reaches nonprod RGR/nonprod: routing alone does not keep the tiers apart',
    );
    // Only RGR's lane: nobody in lane 2 reaches RGR at all.
    expect(violations.filter((x) => x.check === 'routing-isolation' && x.from === 'QHM/prod')).toEqual([]);
    expect(v.witness.some((h) => h.via.startsWith('pass: every firewall passes everything'))).toBe(true);
    // The firewall rules still pair tiers, so with the rules as written nothing crosses.
    expect(violations.filter((x) => x.check === 'tier-isolation')).toEqual([]);
  });
});
