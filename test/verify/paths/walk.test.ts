import { FirewallPolicyModel, Piece, Protocol } from '../../../lib/verify/firewall/types';
import {
  Firewall,
  FirewallEndpoint,
  InternetGateway,
  Nacl,
  NaclEntry,
  NatGateway,
  Peering,
  RouteTable,
  Subnet,
  TgwAttachment,
  TgwRoute,
  TgwRouteTable,
  TransitGateway,
  Vpc,
  VpcTarget,
} from '../../../lib/verify/model/types';
import { Walk } from '../../../lib/verify/paths/walk';
import { Leaf, originalSource, WalkOptions } from '../../../lib/verify/paths/types';
import { toCidrs } from '../../../lib/verify/sets/format';
import { ALL_ADDRESSES, ALL_PORTS, fromCidr, fromCidrs, range } from '../../../lib/verify/sets/interval-set';
import { PrefixMap } from '../../../lib/verify/sets/prefix-map';

/*
 * Small hand-built network models, each just big enough for one branch of the walk.
 * Every model object is a plain record joined by reference, as lib/verify/model builds them.
 */

const located = (id: string) => ({ id, label: id, stack: 'S', account: '111111111111', region: 'eu-west-2' });
const DEFAULT_NACL: Nacl = { ...located('default-nacl') };

function vpc(id: string, ...cidrs: string[]): Vpc {
  const v = {
    ...located(id),
    cidrs,
    addresses: fromCidrs(cidrs),
    subnets: [] as Subnet[],
    subnetMap: new PrefixMap<Subnet>([]),
    defaultNacl: DEFAULT_NACL,
    internetGateways: [] as InternetGateway[],
    tags: {},
    attachments: [] as TgwAttachment[],
  } as Omit<Vpc, 'mainRouteTable'> as Vpc;
  (v as { mainRouteTable: RouteTable }).mainRouteTable = table(v, `${id}-main`, { '0.0.0.0/32': local() });
  return v;
}

function table(owner: Vpc, id: string, routes: Record<string, VpcTarget>): RouteTable {
  return {
    ...located(id),
    vpc: owner,
    routes: Object.entries(routes).map(([destination, target]) => ({ destination, target, origin: id })),
    edgeFor: [],
  };
}

function subnet(
  owner: Vpc,
  id: string,
  cidr: string,
  az: string,
  routeTable?: RouteTable,
  nacl?: Nacl,
): Subnet {
  const s: Subnet = {
    ...located(id),
    vpc: owner,
    cidr,
    addresses: fromCidr(cidr),
    az,
    routeTable: routeTable ?? owner.mainRouteTable,
    nacl: nacl ?? DEFAULT_NACL,
  };
  owner.subnets.push(s);
  owner.subnetMap = new PrefixMap(owner.subnets.map((x) => [x.cidr, x] as const));
  return s;
}

const local = (): VpcTarget => ({ kind: 'local' });
const opaque = (label: string): VpcTarget => ({ kind: 'opaque', label });

function tgw(id: string): TransitGateway {
  return { ...located(id), attachments: [], routeTables: [] };
}

function tgwTable(
  gateway: TransitGateway,
  id: string,
  routes: TgwRoute[] = [],
  propagations: TgwAttachment[] = [],
) {
  const t: TgwRouteTable = {
    ...located(id),
    tgw: gateway,
    routes,
    propagations,
    propagationOrigins: new Map(),
  };
  gateway.routeTables.push(t);
  return t;
}

function vpcAttachment(
  gateway: TransitGateway,
  owner: Vpc,
  subnets: Subnet[],
  association?: TgwRouteTable,
  applianceMode = false,
): TgwAttachment {
  const a: TgwAttachment = {
    ...located(`${owner.id}-att`),
    tgw: gateway,
    kind: 'vpc',
    vpc: owner,
    subnets,
    applianceMode,
    prefixes: owner.addresses,
    prefixCidrs: owner.cidrs,
    association,
    resource: owner.id,
  };
  owner.attachments.push(a);
  gateway.attachments.push(a);
  return a;
}

function otherAttachment(gateway: TransitGateway, id: string, kind: 'vpn' | 'peering', cidrs: string[]) {
  const a: TgwAttachment = {
    ...located(id),
    tgw: gateway,
    kind,
    subnets: [],
    applianceMode: false,
    prefixes: fromCidrs(cidrs),
    prefixCidrs: cidrs,
    resource: id,
  };
  gateway.attachments.push(a);
  return a;
}

const staticRoute = (destination: string, target?: TgwAttachment): TgwRoute => ({
  destination,
  target,
  kind: 'static',
  origin: `static ${destination}`,
});

const flows = (dst: string, src = '10.0.1.0/24', ports = ALL_PORTS): Piece => ({
  src: fromCidr(src),
  dst: fromCidr(dst),
  ports,
});

const DROPS: WalkOptions = { recordDrops: true };

/** Each leaf as `end: destinations`, sorted, for compact assertions. */
function summary(leaves: Leaf[]): string[] {
  return leaves
    .map((leaf) => {
      const end = leaf.end;
      const where =
        end.kind === 'delivered'
          ? `delivered ${end.subnet.id}`
          : end.kind === 'internet'
            ? `internet ${end.gateway.id}`
            : end.kind === 'on-premises'
              ? `on-premises ${end.attachment.id}`
              : `${end.kind} (${end.reason})`;
      return `${where}: ${toCidrs(leaf.piece.dst).join(' ')}`;
    })
    .sort();
}

describe('longest-prefix match in a VPC route table', () => {
  const v = vpc('vpc-a', '10.0.0.0/16');
  const rt = table(v, 'rt-a', {
    '10.0.0.0/16': local(),
    '10.1.0.0/16': opaque('instance i-1'),
    '10.1.2.0/24': { kind: 'unresolved', reason: 'unknown target' },
    '10.2.0.0/16': { kind: 'gateway-endpoint', label: 's3 endpoint' },
  });
  const from = subnet(v, 'sn-a1', '10.0.1.0/24', 'a', rt);
  subnet(v, 'sn-a2', '10.0.2.0/24', 'a', rt);

  test('splits one destination set by the most specific route for each part', () => {
    const leaves = Walk.fromSubnet(from, flows('10.0.0.0/14'), 'tcp', DROPS);
    expect(summary(leaves)).toEqual([
      'delivered sn-a1: 10.0.1.0/24',
      'delivered sn-a2: 10.0.2.0/24',
      'dropped (no route in rt-a): 10.3.0.0/16',
      'dropped (no subnet of vpc-a holds 10.0.0.0/24, 10.0.3.0/24, 10.0.4.0/22, 10.0.8.0/21 and 4 more): 10.0.0.0/24 10.0.3.0/24 10.0.4.0/22 10.0.8.0/21 10.0.16.0/20 10.0.32.0/19 10.0.64.0/18 10.0.128.0/17',
      'outside (instance i-1): 10.1.0.0/23 10.1.3.0/24 10.1.4.0/22 10.1.8.0/21 10.1.16.0/20 10.1.32.0/19 10.1.64.0/18 10.1.128.0/17',
      'outside (s3 endpoint): 10.2.0.0/16',
      'outside (unknown target): 10.1.2.0/24',
    ]);
  });

  test('names the route that matched in the hop', () => {
    const [leaf] = Walk.fromSubnet(from, flows('10.1.2.7/32'), 'tcp', DROPS);
    expect(leaf.hops.map((h) => [h.kind, h.node, h.via])).toEqual([
      ['subnet', 'sn-a1', '10.1.2.0/24 -> unresolved (unknown target)'],
      ['outside', '', 'unknown target'],
    ]);
  });

  test('for equal prefixes the local route wins', () => {
    const w = vpc('vpc-w', '10.8.0.0/16');
    const both = table(w, 'rt-w', { '10.8.0.0/16': opaque('appliance') });
    both.routes.push({ destination: '10.8.0.0/16', target: local(), origin: 'local' });
    const s = subnet(w, 'sn-w', '10.8.0.0/24', 'a', both);
    expect(summary(Walk.fromSubnet(s, flows('10.8.0.0/24', '10.8.0.0/24'), 'tcp'))).toEqual([
      'delivered sn-w: 10.8.0.0/24',
    ]);
  });

  test('drops are left out unless recordDrops is set', () => {
    expect(Walk.fromSubnet(from, flows('10.3.0.0/16'), 'tcp')).toEqual([]);
    expect(summary(Walk.fromSubnet(from, flows('10.3.0.0/16'), 'tcp', DROPS))).toEqual([
      'dropped (no route in rt-a): 10.3.0.0/16',
    ]);
  });
});

describe('internet and NAT gateways', () => {
  const v = vpc('vpc-n', '10.4.0.0/16');
  const igw: InternetGateway = { ...located('igw-n'), vpc: v };
  const foreignIgw: InternetGateway = { ...located('igw-other'), vpc: vpc('vpc-other', '10.5.0.0/16') };
  v.internetGateways.push(igw);
  const publicRt = table(v, 'rt-public', {
    '10.4.0.0/16': local(),
    '0.0.0.0/0': { kind: 'internet-gateway', gateway: igw },
  });
  const pub = subnet(v, 'sn-public', '10.4.0.0/24', 'a', publicRt);
  const nat: NatGateway = { ...located('nat-n'), subnet: pub, connectivity: 'public' };
  const privateRt = table(v, 'rt-private', {
    '10.4.0.0/16': local(),
    '0.0.0.0/0': { kind: 'nat-gateway', nat },
    '192.0.2.0/24': { kind: 'internet-gateway', gateway: foreignIgw },
  });
  const priv = subnet(v, 'sn-private', '10.4.1.0/24', 'a', privateRt);

  test('a public subnet reaches the internet through its own gateway', () => {
    const [leaf] = Walk.fromSubnet(pub, flows('8.8.8.8/32', '10.4.0.0/24'), 'tcp');
    expect(leaf.end).toEqual({ kind: 'internet', gateway: igw });
    expect(leaf.hops.at(-1)).toMatchObject({
      kind: 'internet-gateway',
      node: 'igw-n',
      via: 'to the internet',
    });
  });

  test('a NAT gateway rewrites the source to its subnet and routes on from there', () => {
    const [leaf] = Walk.fromSubnet(priv, flows('8.8.8.8/32', '10.4.1.0/24'), 'tcp');
    expect(leaf.end.kind).toBe('internet');
    expect(toCidrs(leaf.piece.src)).toEqual(['10.4.0.0/24']);
    expect(toCidrs(originalSource(leaf))).toEqual(['10.4.1.0/24']);
    expect(leaf.hops.map((h) => h.kind)).toEqual(['subnet', 'nat-gateway', 'subnet', 'internet-gateway']);
    expect(leaf.hops[1].via).toBe('public NAT: source becomes 10.4.0.0/24');
  });

  test("a route to another VPC's internet gateway is dropped", () => {
    expect(summary(Walk.fromSubnet(priv, flows('192.0.2.0/24', '10.4.1.0/24'), 'tcp', DROPS))).toEqual([
      'dropped (the gateway is not attached to this VPC): 192.0.2.0/24',
    ]);
  });

  test('a route to a NAT gateway in another VPC is dropped', () => {
    const other = vpc('vpc-m', '10.6.0.0/16');
    const farNat: NatGateway = {
      ...located('nat-far'),
      subnet: subnet(other, 'sn-far', '10.6.0.0/24', 'a'),
      connectivity: 'private',
    };
    const s = subnet(
      v,
      'sn-odd',
      '10.4.2.0/24',
      'a',
      table(v, 'rt-odd', { '0.0.0.0/0': { kind: 'nat-gateway', nat: farNat } }),
    );
    expect(summary(Walk.fromSubnet(s, flows('8.8.8.8/32', '10.4.2.0/24'), 'tcp', DROPS))).toEqual([
      'dropped (the NAT gateway is in another VPC): 8.8.8.8/32',
    ]);
  });

  test('from the internet: only subnets that route to the gateway receive flows', () => {
    const leaves = Walk.fromInternet(
      igw,
      { src: ALL_ADDRESSES, dst: fromCidr('10.4.0.0/16'), ports: ALL_PORTS },
      'tcp',
    );
    expect(summary(leaves)).toEqual(['delivered sn-public: 10.4.0.0/24']);
    expect(leaves[0].hops.map((h) => [h.kind, h.via])).toEqual([
      ['internet-gateway', 'from the internet into vpc-n'],
      ['delivered', 'public subnet (routes to the gateway)'],
    ]);
  });

  test('from the internet with an edge route table: the table decides', () => {
    const e = vpc('vpc-e', '10.7.0.0/16');
    const gw: InternetGateway = { ...located('igw-e'), vpc: e };
    subnet(e, 'sn-e1', '10.7.0.0/24', 'a');
    subnet(e, 'sn-e2', '10.7.1.0/24', 'a');
    gw.edgeRouteTable = table(e, 'rt-edge', { '10.7.1.0/24': local() });
    const leaves = Walk.fromInternet(
      gw,
      { src: ALL_ADDRESSES, dst: fromCidr('10.7.0.0/16'), ports: ALL_PORTS },
      'tcp',
      DROPS,
    );
    expect(summary(leaves)).toContain('delivered sn-e2: 10.7.1.0/24');
    expect(summary(leaves)).not.toContain('delivered sn-e1: 10.7.0.0/24');
    expect(leaves.find((l) => l.end.kind === 'delivered')!.hops[1]).toMatchObject({
      node: 'rt-edge',
      az: undefined,
    });
  });

  test('from the internet with an edge route table but no subnet in the VPC: nothing', () => {
    const bare = vpc('vpc-bare', '10.9.0.0/16');
    const gw: InternetGateway = { ...located('igw-bare'), vpc: bare };
    gw.edgeRouteTable = table(bare, 'rt-bare-edge', { '10.9.0.0/16': local() });
    expect(Walk.fromInternet(gw, flows('10.9.0.0/16', '0.0.0.0/0'), 'tcp', DROPS)).toEqual([]);
  });

  test('from a detached internet gateway: nothing', () => {
    const detached: InternetGateway = { ...located('igw-x') };
    expect(Walk.fromInternet(detached, flows('10.4.0.0/16', '0.0.0.0/0'), 'tcp', DROPS)).toEqual([]);
  });
});

describe('Transit Gateway', () => {
  function hub(options: { applianceMode?: boolean; fromAz?: string; associate?: boolean } = {}) {
    const gateway = tgw('tgw');
    const spoke = vpc('vpc-s', '10.10.0.0/16');
    const target = vpc('vpc-t', '10.20.0.0/16');
    const spokeRt = table(spoke, 'rt-s', {
      '10.10.0.0/16': local(),
      '0.0.0.0/0': { kind: 'transit-gateway', tgw: gateway },
    });
    const from = subnet(spoke, 'sn-s', '10.10.0.0/24', options.fromAz ?? 'a', spokeRt);
    const spokeAttachSubnets = ['a', 'b'].map((az, i) =>
      subnet(spoke, `sn-s-tgw-${az}`, `10.10.${10 + i}.0/24`, az, spokeRt),
    );
    const targetRt = table(target, 'rt-t', { '10.20.0.0/16': local() });
    const targetSubnets = ['a', 'b'].map((az, i) =>
      subnet(target, `sn-t-${az}`, `10.20.${i}.0/24`, az, targetRt),
    );
    const vpn = otherAttachment(gateway, 'vpn-1', 'vpn', ['172.16.0.0/12']);
    const peer = otherAttachment(gateway, 'tgw-peer', 'peering', ['10.200.0.0/16']);
    const rt = tgwTable(gateway, 'tgw-rt');
    const targetAttachment = vpcAttachment(gateway, target, targetSubnets, rt, options.applianceMode);
    rt.routes.push(
      staticRoute('10.20.0.0/16', targetAttachment),
      staticRoute('10.20.1.128/25'),
      staticRoute('10.200.0.0/16', peer),
    );
    rt.propagations.push(vpn);
    vpcAttachment(gateway, spoke, spokeAttachSubnets, options.associate === false ? undefined : rt);
    return { from, gateway, rt, vpn, targetAttachment };
  }

  test('routes by the attachment table: VPC, VPN, blackhole, no route, other attachments', () => {
    const { from } = hub();
    const leaves = Walk.fromSubnet(from, flows('0.0.0.0/0', '10.10.0.0/24'), 'tcp', DROPS);
    const ends = summary(leaves);
    expect(ends).toContain('delivered sn-t-a: 10.20.0.0/24');
    expect(ends).toContain('delivered sn-t-b: 10.20.1.0/25');
    expect(ends).toContain('dropped (blackhole route): 10.20.1.128/25');
    expect(ends).toContain('on-premises vpn-1: 172.16.0.0/12');
    expect(ends).toContain('outside (peering attachment tgw-peer): 10.200.0.0/16');
    expect(ends.some((e) => e.startsWith('dropped (no route): 0.0.0.0/5'))).toBe(true);
    const blackhole = leaves.find((l) => l.end.kind === 'dropped' && l.end.reason === 'blackhole route')!;
    expect(blackhole.hops.find((h) => h.kind === 'transit-gateway')?.via).toMatch(/10\.20\.1\.128\/25/);
    const vpnLeaf = leaves.find((l) => l.end.kind === 'on-premises')!;
    expect(vpnLeaf.hops.at(-1)).toMatchObject({
      kind: 'on-premises',
      node: 'vpn-1',
      via: 'to 172.16.0.0/12',
    });
  });

  test('blackholes and missing routes leave no leaves without recordDrops', () => {
    const { from } = hub();
    const ends = summary(Walk.fromSubnet(from, flows('0.0.0.0/0', '10.10.0.0/24'), 'tcp'));
    expect(ends.filter((e) => e.startsWith('dropped'))).toEqual([]);
    expect(ends).toContain('on-premises vpn-1: 172.16.0.0/12');
  });

  test('enters the target VPC in the same zone when it can', () => {
    const { from } = hub();
    const [leaf] = Walk.fromSubnet(from, flows('10.20.0.0/24', '10.10.0.0/24'), 'tcp');
    const entered = leaf.hops.filter((h) => h.kind === 'attachment');
    expect(entered.map((h) => [h.node, h.az, h.via])).toEqual([
      ['vpc-s-att', 'a', 'into tgw-rt'],
      ['vpc-t-att', 'a', 'same zone'],
    ]);
  });

  test('appliance mode walks every zone and keeps one witness of leaves that agree', () => {
    const { from } = hub({ applianceMode: true });
    const leaves = Walk.fromSubnet(from, flows('10.20.0.0/24', '10.10.0.0/24'), 'tcp');
    expect(summary(leaves)).toEqual(['delivered sn-t-a: 10.20.0.0/24']);
    expect(leaves[0].hops.find((h) => h.node === 'vpc-t-att')?.via).toBe('appliance mode: zone by flow hash');
  });

  test('a source zone the target lacks: every zone the gateway may pick', () => {
    const gateway = tgw('tgw-c');
    const spoke = vpc('vpc-c', '10.30.0.0/16');
    const target = vpc('vpc-d', '10.40.0.0/16');
    const rtC = table(spoke, 'rt-c', { '0.0.0.0/0': { kind: 'transit-gateway', tgw: gateway } });
    const from = subnet(spoke, 'sn-c', '10.30.0.0/24', 'c', rtC);
    const rtD = table(target, 'rt-d', { '10.40.0.0/16': local() });
    const inA = subnet(target, 'sn-d-a', '10.40.0.0/24', 'a', rtD);
    const inB = subnet(target, 'sn-d-b', '10.40.1.0/24', 'b', rtD);
    const rt = tgwTable(gateway, 'tgw-rt-c');
    rt.routes.push(staticRoute('10.40.0.0/16', vpcAttachment(gateway, target, [inA, inB], rt)));
    vpcAttachment(gateway, spoke, [from], rt);
    const leaves = Walk.fromSubnet(from, flows('10.40.0.0/23', '10.30.0.0/24'), 'tcp');
    expect(summary(leaves)).toEqual(['delivered sn-d-a: 10.40.0.0/24', 'delivered sn-d-b: 10.40.1.0/24']);
    expect(leaves.every((l) => l.hops.some((h) => h.via === 'zone picked by the gateway'))).toBe(true);
  });

  test('an attachment associated with no route table drops at the gateway', () => {
    const { from } = hub({ associate: false });
    const leaves = Walk.fromSubnet(from, flows('10.20.0.0/24', '10.10.0.0/24'), 'tcp', DROPS);
    expect(summary(leaves)).toEqual(['dropped (associated with no route table): 10.20.0.0/24']);
  });

  test('a VPC without an attachment subnet in the source zone cannot reach the gateway', () => {
    const { from } = hub({ fromAz: 'z' });
    expect(summary(Walk.fromSubnet(from, flows('10.20.0.0/24', '10.10.0.0/24'), 'tcp', DROPS))).toEqual([
      'dropped (vpc-s has no attachment subnet in z): 10.20.0.0/24',
    ]);
  });

  test('from an on-premises attachment into the gateway', () => {
    const { vpn, rt } = hub();
    vpn.association = rt;
    const leaves = Walk.fromAttachment(vpn, flows('10.20.0.0/23', '172.16.0.0/12'), 'tcp');
    expect(summary(leaves)).toEqual(['delivered sn-t-a: 10.20.0.0/24', 'delivered sn-t-b: 10.20.1.0/25']);
    expect(leaves[0].hops[0]).toMatchObject({
      kind: 'on-premises',
      node: 'vpn-1',
      via: 'from 172.16.0.0/12',
    });
    // No zone to keep to: both zones are candidates, entered as "zone picked by the gateway".
    expect(leaves.every((l) => l.hops.some((h) => h.via === 'zone picked by the gateway'))).toBe(true);
  });

  test('a route table met twice in one zone is a loop, even across the gateway', () => {
    const gateway = tgw('tgw-l');
    const v = vpc('vpc-l', '10.50.0.0/16');
    const rtL = table(v, 'rt-l', { '0.0.0.0/0': { kind: 'transit-gateway', tgw: gateway } });
    const from = subnet(v, 'sn-l', '10.50.0.0/24', 'a', rtL);
    const rt = tgwTable(gateway, 'tgw-rt-l');
    // 10.99/16 goes back into the same VPC, by the source subnet, whose table sends it to the gateway again.
    rt.routes.push(staticRoute('10.99.0.0/16', vpcAttachment(gateway, v, [from], rt)));
    const leaves = Walk.fromSubnet(from, flows('10.99.0.0/16', '10.50.0.0/24'), 'tcp', DROPS);
    expect(leaves.map((l) => [l.end, l.hops.at(-1)!.kind, l.hops.at(-1)!.node])).toEqual([
      [{ kind: 'dropped', reason: 'routing loop' }, 'dropped', 'rt-l'],
    ]);
    expect(Walk.fromSubnet(from, flows('10.99.0.0/16', '10.50.0.0/24'), 'tcp')).toEqual([]);
  });

  test('a gateway route table entered twice from one zone is a routing loop', () => {
    const gateway = tgw('tgw-g');
    const v = vpc('vpc-g', '10.51.0.0/16');
    const toGateway = (): VpcTarget => ({ kind: 'transit-gateway', tgw: gateway });
    const from = subnet(v, 'sn-g', '10.51.0.0/24', 'a', table(v, 'rt-g', { '0.0.0.0/0': toGateway() }));
    // The attachment subnet has a table of its own, also pointing back at the gateway.
    const attachSubnet = subnet(
      v,
      'sn-g-tgw',
      '10.51.9.0/24',
      'a',
      table(v, 'rt-g-tgw', { '0.0.0.0/0': toGateway() }),
    );
    const rt = tgwTable(gateway, 'tgw-rt-g');
    rt.routes.push(staticRoute('10.99.0.0/16', vpcAttachment(gateway, v, [attachSubnet], rt)));
    const leaves = Walk.fromSubnet(from, flows('10.99.0.0/16', '10.51.0.0/24'), 'tcp', DROPS);
    expect(leaves.map((l) => [l.end, l.hops.at(-1)!.kind, l.hops.at(-1)!.node])).toEqual([
      [{ kind: 'dropped', reason: 'routing loop' }, 'attachment', 'vpc-g-att'],
    ]);
  });

  test('a static route to a VPN without advertised prefixes still ends on-premises', () => {
    const gateway = tgw('tgw-v');
    const v = vpc('vpc-v', '10.52.0.0/16');
    const from = subnet(
      v,
      'sn-v',
      '10.52.0.0/24',
      'a',
      table(v, 'rt-v', { '0.0.0.0/0': { kind: 'transit-gateway', tgw: gateway } }),
    );
    const silent = otherAttachment(gateway, 'vpn-silent', 'vpn', []);
    const rt = tgwTable(gateway, 'tgw-rt-v', [staticRoute('192.168.0.0/16', silent)]);
    vpcAttachment(gateway, v, [from], rt);
    const [leaf] = Walk.fromSubnet(from, flows('192.168.1.0/24', '10.52.0.0/24'), 'tcp');
    expect(leaf.end).toEqual({ kind: 'on-premises', attachment: silent });
    expect(leaf.hops.at(-1)?.via).toBe('to unknown prefixes');
  });

  describe('zone branches in appliance mode', () => {
    /** Each zone of the target VPC sends the workload subnet through a firewall endpoint. */
    function inspectedHub(oneFirewall: boolean) {
      const gateway = tgw('tgw-z');
      const spoke = vpc('vpc-zs', '10.53.0.0/16');
      const from = subnet(
        spoke,
        'sn-zs',
        '10.53.0.0/24',
        'a',
        table(spoke, 'rt-zs', { '0.0.0.0/0': { kind: 'transit-gateway', tgw: gateway } }),
      );
      const inspection = vpc('vpc-zi', '10.54.0.0/16');
      const localOnly = table(inspection, 'rt-zi-fw', { '10.54.0.0/16': local() });
      const firewalls = ['a', 'b'].map(
        (az) =>
          ({ ...located(oneFirewall ? 'fw-z' : `fw-z-${az}`), vpc: inspection, endpoints: [] }) as Firewall,
      );
      const attachSubnets = ['a', 'b'].map((az, i) => {
        const fwSubnet = subnet(inspection, `sn-zi-fw-${az}`, `10.54.${10 + i}.0/24`, az, localOnly);
        const firewall = firewalls[oneFirewall ? 0 : i];
        const endpoint: FirewallEndpoint = { id: `vpce-z-${az}`, firewall, az, subnet: fwSubnet };
        firewall.endpoints.push(endpoint);
        const rt = table(inspection, `rt-zi-${az}`, { '10.54.5.0/24': { kind: 'firewall', endpoint } });
        return subnet(inspection, `sn-zi-${az}`, `10.54.${i}.0/24`, az, rt);
      });
      subnet(inspection, 'sn-zi-work', '10.54.5.0/24', 'a', localOnly);
      const rt = tgwTable(gateway, 'tgw-rt-z');
      rt.routes.push(
        staticRoute('10.54.0.0/16', vpcAttachment(gateway, inspection, attachSubnets, rt, true)),
      );
      vpcAttachment(gateway, spoke, [from], rt);
      return from;
    }

    test('leaves that differ only in zone merge into one witness', () => {
      const leaves = Walk.fromSubnet(inspectedHub(true), flows('10.54.5.0/24', '10.53.0.0/24'), 'tcp');
      expect(summary(leaves)).toEqual(['delivered sn-zi-work: 10.54.5.0/24']);
    });

    test('leaves that passed different firewalls are kept apart', () => {
      const leaves = Walk.fromSubnet(inspectedHub(false), flows('10.54.5.0/24', '10.53.0.0/24'), 'tcp');
      expect(summary(leaves)).toEqual([
        'delivered sn-zi-work: 10.54.5.0/24',
        'delivered sn-zi-work: 10.54.5.0/24',
      ]);
      expect(leaves.map((l) => l.hops.find((h) => h.kind === 'firewall')?.node).sort()).toEqual([
        'fw-z-a',
        'fw-z-b',
      ]);
    });
  });
});

describe('peering', () => {
  const a = vpc('vpc-pa', '10.60.0.0/16');
  const b = vpc('vpc-pb', '10.61.0.0/16');
  const toB: Peering = { ...located('pcx-ab'), requester: a, accepter: b, peerDescription: 'vpc-pb' };
  const unknown: Peering = { ...located('pcx-x'), requester: a, peerDescription: 'pcx to 999999999999' };
  const rtA = table(a, 'rt-pa', {
    '10.60.0.0/16': local(),
    '10.61.0.0/16': { kind: 'peering', peering: toB },
    '10.62.0.0/15': { kind: 'peering', peering: toB },
    '10.90.0.0/16': { kind: 'peering', peering: unknown },
  });
  const from = subnet(a, 'sn-pa', '10.60.0.0/24', 'a', rtA);
  const rtB = table(b, 'rt-pb', {
    '10.61.0.0/16': local(),
    '10.60.0.0/16': { kind: 'peering', peering: toB },
  });
  const inB = subnet(b, 'sn-pb', '10.61.0.0/24', 'a', rtB);

  test("delivers into the peer's own addresses and drops transit traffic", () => {
    const leaves = Walk.fromSubnet(from, flows('10.61.0.0/16', '10.60.0.0/24'), 'tcp', DROPS);
    expect(summary(leaves)).toContain('delivered sn-pb: 10.61.0.0/24');
    expect(summary(Walk.fromSubnet(from, flows('10.62.0.0/16', '10.60.0.0/24'), 'tcp', DROPS))).toEqual([
      'dropped (peering does not carry transit traffic): 10.62.0.0/16',
    ]);
  });

  test('works from the accepter side too', () => {
    expect(summary(Walk.fromSubnet(inB, flows('10.60.0.0/24', '10.61.0.0/24'), 'tcp'))).toEqual([
      'delivered sn-pa: 10.60.0.0/24',
    ]);
  });

  test('a peering connection between two other VPCs leads outside the model', () => {
    const c = vpc('vpc-pc', '10.63.0.0/16');
    const s = subnet(
      c,
      'sn-pc',
      '10.63.0.0/24',
      'a',
      table(c, 'rt-pc', { '10.61.0.0/16': { kind: 'peering', peering: toB } }),
    );
    const [leaf] = Walk.fromSubnet(s, flows('10.61.0.0/24', '10.63.0.0/24'), 'tcp');
    expect(leaf.end).toEqual({ kind: 'outside', reason: 'peering to vpc-pb' });
  });

  test('a peer outside the model ends outside it', () => {
    const [leaf] = Walk.fromSubnet(from, flows('10.90.0.0/16', '10.60.0.0/24'), 'tcp');
    expect(leaf.end).toEqual({ kind: 'outside', reason: 'peering to pcx to 999999999999' });
    expect(leaf.hops.at(-1)).toMatchObject({ kind: 'peering', via: 'to pcx to 999999999999' });
  });
});

describe('firewall endpoints', () => {
  const policy: FirewallPolicyModel = {
    label: 'p',
    statelessRules: [],
    statelessDefault: 'forward',
    statefulRules: [
      {
        action: 'drop',
        box: { protocols: ['tcp'], src: ALL_ADDRESSES, dst: ALL_ADDRESSES, ports: range(22, 22) },
        conditions: [],
        label: 'g: no ssh (sid 1)',
      },
      {
        action: 'pass',
        box: { protocols: ['tcp'], src: ALL_ADDRESSES, dst: ALL_ADDRESSES, ports: ALL_PORTS },
        conditions: [],
        label: 'g: tcp (sid 2)',
      },
    ],
    statefulDefault: 'drop',
    statefulDefaultLabel: 'aws:drop_strict',
    strictOrder: true,
  };

  function inspected(firewallPolicy?: FirewallPolicyModel) {
    const v = vpc('vpc-f', '10.70.0.0/16');
    const fwRt = table(v, 'rt-fw', { '10.70.0.0/16': local() });
    const fwSubnet = subnet(v, 'sn-fw', '10.70.9.0/24', 'a', fwRt);
    const firewall = {
      ...located('fw'),
      vpc: v,
      endpoints: [] as FirewallEndpoint[],
      policy: firewallPolicy,
      policyProblem: firewallPolicy ? undefined : 'policy from an SSM parameter',
    } as Firewall;
    const endpoint: FirewallEndpoint = { id: 'vpce-fw', firewall, az: 'a', subnet: fwSubnet };
    firewall.endpoints.push(endpoint);
    const rt = table(v, 'rt-app', {
      '10.70.0.0/16': local(),
      '10.70.1.0/24': { kind: 'firewall', endpoint },
    });
    const from = subnet(v, 'sn-app', '10.70.0.0/24', 'a', rt);
    subnet(v, 'sn-db', '10.70.1.0/24', 'a', rt);
    return from;
  }

  test('drops what the policy drops and routes on what it passes', () => {
    const leaves = Walk.fromSubnet(inspected(policy), flows('10.70.1.0/24', '10.70.0.0/24'), 'tcp', DROPS);
    const ssh = leaves.find((l) => l.end.kind === 'dropped')!;
    expect(ssh.piece.ports).toEqual([[22, 22]]);
    expect(ssh.end).toEqual({ kind: 'dropped', reason: 'drop: g: no ssh (sid 1)' });
    const passed = leaves.find((l) => l.end.kind === 'delivered')!;
    expect(passed.piece.ports).toEqual([
      [0, 21],
      [23, 65535],
    ]);
    expect(passed.hops.map((h) => [h.kind, h.node])).toEqual([
      ['subnet', 'sn-app'],
      ['firewall', 'fw'],
      ['subnet', 'sn-fw'],
      ['delivered', 'sn-db'],
    ]);
    expect(passed.hops[1]).toMatchObject({ inspected: true, explicit: true, via: 'pass: g: tcp (sid 2)' });
  });

  test('a pass that depends on what the model cannot see names its conditions', () => {
    const tls: FirewallPolicyModel = {
      ...policy,
      statefulRules: [
        {
          action: 'pass',
          box: { protocols: ['tcp'], src: ALL_ADDRESSES, dst: ALL_ADDRESSES, ports: range(443, 443) },
          conditions: ['tls.sni', 'content:".nhs.uk"'],
          label: 'g: egress (sid 3)',
        },
      ],
    };
    const leaves = Walk.fromSubnet(
      inspected(tls),
      flows('10.70.1.0/24', '10.70.0.0/24', range(443, 443)),
      'tcp',
    );
    const hop = leaves.find((l) => l.end.kind === 'delivered')!.hops[1];
    expect(hop.via).toBe('pass: g: egress (sid 3) if tls.sni and content:".nhs.uk"');
    expect(hop.conditions).toEqual(['tls.sni', 'content:".nhs.uk"']);
  });

  test('UDP meets the stateful default drop', () => {
    const leaves = Walk.fromSubnet(inspected(policy), flows('10.70.1.0/24', '10.70.0.0/24'), 'udp', DROPS);
    expect(leaves.map((l) => l.end.kind)).toEqual(['dropped']);
    expect(Walk.fromSubnet(inspected(policy), flows('10.70.1.0/24', '10.70.0.0/24'), 'udp')).toEqual([]);
  });

  test('a reply passes on the state table, whatever the rules say', () => {
    const leaves = Walk.fromSubnet(
      inspected(policy),
      flows('10.70.1.0/24', '10.70.0.0/24', range(22, 22)),
      'udp',
      {
        reply: true,
      },
    );
    expect(leaves.map((l) => l.end.kind)).toEqual(['delivered']);
    expect(leaves[0].hops[1]).toMatchObject({
      via: 'pass: reply to an allowed flow (state table)',
      inspected: true,
    });
  });

  test('a firewall whose policy is not modelled passes everything, uninspected', () => {
    const leaves = Walk.fromSubnet(inspected(), flows('10.70.1.0/24', '10.70.0.0/24', range(22, 22)), 'tcp');
    expect(leaves.map((l) => l.end.kind)).toEqual(['delivered']);
    expect(leaves[0].hops[1]).toMatchObject({
      via: 'pass: policy not modelled (policy from an SSM parameter)',
      inspected: false,
      explicit: false,
    });
  });
});

describe('network ACLs', () => {
  const entry = (
    ruleNumber: number,
    egress: boolean,
    allow: boolean,
    cidr: string,
    protocol = -1,
  ): NaclEntry => ({
    ruleNumber,
    egress,
    allow,
    protocol,
    addresses: fromCidr(cidr),
    origin: `rule ${ruleNumber}`,
  });
  const v = vpc('vpc-acl', '10.80.0.0/16');
  const rt = table(v, 'rt-acl', { '10.80.0.0/16': local() });
  const outbound: Nacl = {
    ...located('nacl-out'),
    entries: [
      entry(100, true, false, '10.80.2.0/24'),
      entry(200, true, true, '0.0.0.0/0'),
      entry(100, false, true, '0.0.0.0/0'),
    ],
  };
  const inbound: Nacl = { ...located('nacl-in'), entries: [entry(100, false, true, '10.80.0.0/25', 6)] };
  const from = subnet(v, 'sn-acl', '10.80.0.0/24', 'a', rt, outbound);
  subnet(v, 'sn-open', '10.80.1.0/24', 'a', rt);
  subnet(v, 'sn-denied', '10.80.2.0/24', 'a', rt);
  subnet(v, 'sn-guarded', '10.80.3.0/24', 'a', rt, inbound);

  test('the source subnet NACL denies outbound by rule number', () => {
    const leaves = Walk.fromSubnet(from, flows('10.80.1.0/24', '10.80.0.0/24'), 'tcp', DROPS);
    expect(summary(leaves)).toEqual(['delivered sn-open: 10.80.1.0/24']);
    const denied = Walk.fromSubnet(from, flows('10.80.2.0/24', '10.80.0.0/24'), 'tcp', DROPS);
    expect(denied.map((l) => [l.end, l.hops.map((h) => h.kind)])).toEqual([
      [{ kind: 'dropped', reason: 'nacl-out outbound rule 100 deny' }, ['subnet']],
    ]);
  });

  test('the destination subnet NACL filters inbound by source and protocol, default deny for the rest', () => {
    const tcp = Walk.fromSubnet(from, flows('10.80.3.0/24', '10.80.0.0/24'), 'tcp', DROPS);
    const ends = tcp.map((l) => [l.end.kind, toCidrs(l.piece.src).join(' '), l.hops.at(-1)!.via]).sort();
    expect(ends).toEqual([
      ['delivered', '10.80.0.0/25', '10.80.3.0/24'],
      ['dropped', '10.80.0.128/25', 'nacl-in inbound default deny'],
    ]);
    const udp = Walk.fromSubnet(from, flows('10.80.3.0/24', '10.80.0.0/24'), 'udp', DROPS);
    expect(udp.map((l) => l.end)).toEqual([{ kind: 'dropped', reason: 'nacl-in inbound default deny' }]);
    expect(udp[0].hops.at(-1)?.kind).toBe('dropped');
  });

  test('a reply skips NACLs at both ends', () => {
    const back = (p: Protocol) =>
      Walk.fromSubnet(from, flows('10.80.2.0/24', '10.80.0.0/24'), p, { reply: true });
    expect(summary(back('tcp'))).toEqual(['delivered sn-denied: 10.80.2.0/24']);
    expect(
      summary(Walk.fromSubnet(from, flows('10.80.3.0/24', '10.80.0.0/24'), 'udp', { reply: true })),
    ).toEqual(['delivered sn-guarded: 10.80.3.0/24']);
  });
});

describe('loops and limits', () => {
  test('a route table met twice in one zone is a routing loop', () => {
    const v = vpc('vpc-loop', '10.90.0.0/16');
    const rt = table(v, 'rt-loop', { '10.90.0.0/16': local() });
    const fwSubnet = subnet(v, 'sn-loop-fw', '10.90.9.0/24', 'a', rt);
    const firewall = { ...located('fw-loop'), vpc: v, endpoints: [] as FirewallEndpoint[] } as Firewall;
    const endpoint: FirewallEndpoint = { id: 'vpce-loop', firewall, az: 'a', subnet: fwSubnet };
    rt.routes.push({ destination: '0.0.0.0/0', target: { kind: 'firewall', endpoint }, origin: 'rt-loop' });
    const from = subnet(v, 'sn-loop', '10.90.0.0/24', 'a', rt);
    const leaves = Walk.fromSubnet(from, flows('8.8.8.8/32', '10.90.0.0/24'), 'tcp', DROPS);
    expect(leaves.map((l) => [l.end, l.hops.map((h) => h.kind)])).toEqual([
      [{ kind: 'dropped', reason: 'routing loop' }, ['subnet', 'firewall', 'dropped']],
    ]);
  });

  test('a path longer than the hop limit is cut as a loop, even through distinct tables', () => {
    const v = vpc('vpc-long', '10.100.0.0/16');
    const count = 40;
    const tables = Array.from({ length: count }, (_, i) => table(v, `rt-${i}`, { '10.100.0.0/16': local() }));
    const subnets = tables.map((t, i) => subnet(v, `sn-${i}`, `10.100.${i}.0/24`, 'a', t));
    for (let i = 0; i < count - 1; i++) {
      const firewall = { ...located(`fw-${i}`), vpc: v, endpoints: [] as FirewallEndpoint[] } as Firewall;
      const endpoint: FirewallEndpoint = { id: `vpce-${i}`, firewall, az: 'a', subnet: subnets[i + 1] };
      tables[i].routes.push({
        destination: '0.0.0.0/0',
        target: { kind: 'firewall', endpoint },
        origin: `rt-${i}`,
      });
    }
    tables[count - 1].routes.push({ destination: '0.0.0.0/0', target: opaque('the end'), origin: 'last' });
    const leaves = Walk.fromSubnet(subnets[0], flows('8.8.8.8/32', '10.100.0.0/24'), 'tcp', DROPS);
    expect(leaves.map((l) => l.end)).toEqual([{ kind: 'dropped', reason: 'routing loop' }]);
    expect(leaves[0].hops.length).toBeGreaterThan(48);
    expect(leaves[0].hops.length).toBeLessThan(2 * count);
  });
});

describe('memoised walks', () => {
  test('a shared memo gives the same leaves and fills on mid-path hops', () => {
    const v = vpc('vpc-memo', '10.110.0.0/16');
    const igw: InternetGateway = { ...located('igw-memo'), vpc: v };
    const pubRt = table(v, 'rt-pub', {
      '10.110.0.0/16': local(),
      '0.0.0.0/0': { kind: 'internet-gateway', gateway: igw },
    });
    const pub = subnet(v, 'sn-pub', '10.110.0.0/24', 'a', pubRt);
    const nat: NatGateway = { ...located('nat-memo'), subnet: pub, connectivity: 'public' };
    const rt = table(v, 'rt-priv', { '10.110.0.0/16': local(), '0.0.0.0/0': { kind: 'nat-gateway', nat } });
    const one = subnet(v, 'sn-one', '10.110.1.0/24', 'a', rt);
    const two = subnet(v, 'sn-two', '10.110.2.0/24', 'a', rt);
    const memo: NonNullable<WalkOptions['memo']> = new Map();
    const plain = Walk.fromSubnet(one, flows('8.8.8.8/32', '10.110.1.0/24'), 'tcp');
    const first = Walk.fromSubnet(one, flows('8.8.8.8/32', '10.110.1.0/24'), 'tcp', { memo });
    expect(memo.size).toBe(1);
    const second = Walk.fromSubnet(two, flows('8.8.8.8/32', '10.110.1.0/24'), 'tcp', { memo });
    expect(memo.size).toBe(1);
    expect(first).toEqual(plain);
    expect(second.map((l) => l.hops.map((h) => h.node))).toEqual([
      ['sn-two', 'nat-memo', 'sn-pub', 'igw-memo'],
    ]);
  });
});
