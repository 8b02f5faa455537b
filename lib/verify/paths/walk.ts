import { evaluatePolicy } from '../firewall/evaluate';
import { FirewallOutcome, Piece, Protocol } from '../firewall/types';
import {
  FirewallEndpoint,
  InternetGateway,
  RouteTable,
  Subnet,
  TgwAttachment,
  Vpc,
  VpcTarget,
} from '../model/types';
import { describeAddresses } from '../sets/format';
import { fromCidr, intersect, isEmpty, overlaps, subtract } from '../sets/interval-set';
import { leafKey, pieceHash, sameOutcome, samePiece } from './leaf-identity';
import { naclVerdicts } from './nacl';
import { routeText, targetText } from './target-text';
import { BLACKHOLE, tgwTargetMap, vpcRouteMap } from './tables';
import { End, Hop, Leaf, WalkOptions } from './types';

/** More hops than any sane path: a longer one is a loop the visited set did not catch. */
const MAX_HOPS = 48;

interface Trail {
  readonly hops: readonly Hop[];
  readonly visited: ReadonlySet<string>;
}

/**
 * Follows sets of flows hop by hop: a subnet's route table (longest prefix match over the
 * whole destination set at once), the Transit Gateway route table of the attachment it
 * enters by, the attachment's subnet in the zone the gateway picks, firewall endpoints,
 * NAT gateways, peering. Each set that ends (delivered, internet, on-premises, outside the
 * model, or dropped) becomes a leaf with the hops that got it there.
 */
export class Walk {
  private readonly leaves: Leaf[] = [];

  constructor(
    private readonly protocol: Protocol,
    private readonly options: WalkOptions = {},
  ) {}

  /** Leaves from a mid-path hop, reused when another walk arrives there with the same flows. */
  private memoised(
    key: string,
    piece: Piece,
    trail: Trail,
    compute: (walk: Walk, trail: Trail) => void,
  ): void {
    const memo = this.options.memo;
    if (!memo || trail.hops.length === 0) return compute(this, trail);
    const fullKey = `${this.protocol}|${key}|${pieceHash(piece)}`;
    const entries = memo.get(fullKey) ?? [];
    let cached = entries.find((e) => samePiece(e.piece, piece))?.leaves;
    if (!cached) {
      const sub = new Walk(this.protocol, this.options);
      compute(sub, { hops: [], visited: trail.visited });
      cached = sub.leaves;
      memo.set(fullKey, [...entries, { piece, leaves: cached }]);
    }
    for (const leaf of cached) this.leaves.push({ ...leaf, hops: [...trail.hops, ...leaf.hops] });
  }

  static fromSubnet(subnet: Subnet, piece: Piece, protocol: Protocol, options: WalkOptions = {}): Leaf[] {
    const walk = new Walk(protocol, options);
    const trail: Trail = { hops: [], visited: new Set() };
    for (const verdict of walk.options.reply || walk.options.passAll
      ? [{ piece, allow: true, reason: '' }]
      : naclVerdicts(subnet.nacl, true, piece, protocol)) {
      if (verdict.allow) walk.route(subnet, subnet.routeTable, verdict.piece, trail);
      else
        walk.drop(
          trail,
          { kind: 'subnet', node: subnet.label, az: subnet.az, via: verdict.reason },
          verdict.piece,
        );
    }
    return walk.leaves;
  }

  /** Flows arriving from on-premises (or another attachment) at the Transit Gateway. */
  static fromAttachment(
    attachment: TgwAttachment,
    piece: Piece,
    protocol: Protocol,
    options: WalkOptions = {},
  ): Leaf[] {
    const walk = new Walk(protocol, options);
    const start: Hop = {
      kind: 'on-premises',
      node: attachment.label,
      via: `from ${describeAddresses(piece.src)}`,
      attachment,
    };
    walk.enterTransitGateway(attachment, undefined, piece, { hops: [start], visited: new Set() });
    return walk.leaves;
  }

  /**
   * Flows from the internet through an internet gateway: by its edge route table when it
   * has one (ingress routing), else to the subnets that route to it (public subnets).
   */
  static fromInternet(
    gateway: InternetGateway,
    piece: Piece,
    protocol: Protocol,
    options: WalkOptions = {},
  ): Leaf[] {
    const walk = new Walk(protocol, options);
    const vpc = gateway.vpc;
    if (!vpc) return [];
    const start: Hop = {
      kind: 'internet-gateway',
      node: gateway.label,
      via: `from the internet into ${vpc.label}`,
    };
    const trail: Trail = { hops: [start], visited: new Set() };
    if (gateway.edgeRouteTable) {
      const entry = vpc.subnets[0];
      if (entry) walk.route(entry, gateway.edgeRouteTable, piece, trail, true);
      return walk.leaves;
    }
    for (const subnet of vpc.subnets) {
      const isPublic = subnet.routeTable.routes.some(
        (r) => r.target.kind === 'internet-gateway' && r.target.gateway === gateway,
      );
      const dst = intersect(piece.dst, subnet.addresses);
      if (isPublic && !isEmpty(dst))
        walk.deliver(subnet, { ...piece, dst }, trail, 'public subnet (routes to the gateway)');
    }
    return walk.leaves;
  }

  private route(subnet: Subnet, table: RouteTable, piece: Piece, trail: Trail, edge = false): void {
    this.memoised(`${table.id}|${subnet.id}|${edge}`, piece, trail, (walk, t) =>
      walk.routeOnce(subnet, table, piece, t, edge),
    );
  }

  private routeOnce(subnet: Subnet, table: RouteTable, piece: Piece, trail: Trail, edge: boolean): void {
    const key = `rt:${table.id}@${subnet.az}`;
    if (trail.visited.has(key) || trail.hops.length > MAX_HOPS) {
      this.drop(trail, { kind: 'dropped', node: table.label, via: 'routing loop' }, piece);
      return;
    }
    const visited = new Set(trail.visited).add(key);
    for (const [route, dst] of vpcRouteMap(table).partition(piece.dst)) {
      const part = { ...piece, dst };
      const node = edge ? table.label : subnet.label;
      if (!route) {
        this.drop(trail, { kind: 'subnet', node, az: subnet.az, via: `no route in ${table.label}` }, part);
        continue;
      }
      const hop: Hop = {
        kind: 'subnet',
        node,
        az: edge ? undefined : subnet.az,
        via: `${route.destination} -> ${targetText(route)}`,
      };
      this.follow(subnet, route.target, part, { hops: [...trail.hops, hop], visited });
    }
  }

  private follow(subnet: Subnet, target: VpcTarget, piece: Piece, trail: Trail): void {
    const vpc = subnet.vpc;
    switch (target.kind) {
      case 'local':
        return this.deliverLocal(vpc, piece, trail);
      case 'internet-gateway':
        if (target.gateway.vpc !== vpc)
          return this.end(trail, piece, {
            kind: 'dropped',
            reason: 'the gateway is not attached to this VPC',
          });
        return this.end(
          trail,
          piece,
          { kind: 'internet', gateway: target.gateway },
          { kind: 'internet-gateway', node: target.gateway.label, via: 'to the internet' },
        );
      case 'nat-gateway': {
        const nat = target.nat;
        if (nat.subnet.vpc !== vpc)
          return this.end(trail, piece, { kind: 'dropped', reason: 'the NAT gateway is in another VPC' });
        const hop: Hop = {
          kind: 'nat-gateway',
          node: nat.label,
          az: nat.subnet.az,
          via: `${nat.connectivity} NAT: source becomes ${nat.subnet.cidr}`,
          nat,
          natSource: piece.src,
        };
        return this.route(
          nat.subnet,
          nat.subnet.routeTable,
          { ...piece, src: nat.subnet.addresses },
          { ...trail, hops: [...trail.hops, hop] },
        );
      }
      case 'transit-gateway': {
        const attachment = vpc.attachments.find(
          (a) => a.tgw === target.tgw && a.subnets.some((s) => s.az === subnet.az),
        );
        if (!attachment) {
          return this.end(trail, piece, {
            kind: 'dropped',
            reason: `${vpc.label} has no attachment subnet in ${subnet.az}`,
          });
        }
        return this.enterTransitGateway(attachment, subnet.az, piece, trail);
      }
      case 'peering': {
        const { peering } = target;
        const peer =
          peering.requester === vpc
            ? peering.accepter
            : peering.accepter === vpc
              ? peering.requester
              : undefined;
        const hop: Hop = {
          kind: 'peering',
          node: peering.label,
          via: `to ${peer?.label ?? peering.peerDescription}`,
        };
        if (!peer)
          return this.end(
            trail,
            piece,
            { kind: 'outside', reason: `peering to ${peering.peerDescription}` },
            hop,
          );
        const inside = intersect(piece.dst, peer.addresses);
        const rest = subtract(piece.dst, peer.addresses);
        const next = { ...trail, hops: [...trail.hops, hop] };
        if (!isEmpty(rest))
          this.end(
            next,
            { ...piece, dst: rest },
            { kind: 'dropped', reason: 'peering does not carry transit traffic' },
          );
        if (!isEmpty(inside)) this.deliverLocal(peer, { ...piece, dst: inside }, next);
        return;
      }
      case 'firewall':
        return this.inspect(target.endpoint, piece, trail);
      case 'gateway-endpoint':
      case 'opaque':
        return this.end(trail, piece, { kind: 'outside', reason: target.label });
      case 'unresolved':
        return this.end(trail, piece, { kind: 'outside', reason: target.reason });
    }
  }

  private inspect(endpoint: FirewallEndpoint, piece: Piece, trail: Trail): void {
    const { firewall } = endpoint;
    let outcomes: FirewallOutcome[];
    if (this.options.passAll) {
      outcomes = [
        {
          piece,
          verdict: 'pass',
          reason: 'every firewall passes everything (what routing alone allows)',
          inspected: true,
          explicit: true,
          conditions: [],
        },
      ];
    } else if (this.options.reply) {
      outcomes = [
        {
          piece,
          verdict: 'pass',
          reason: 'reply to an allowed flow (state table)',
          inspected: true,
          explicit: true,
          conditions: [],
        },
      ];
    } else if (!firewall.policy) {
      outcomes = [
        {
          piece,
          verdict: 'pass',
          reason: `policy not modelled (${firewall.policyProblem ?? 'unknown'})`,
          inspected: false,
          explicit: false,
          conditions: [],
        },
      ];
    } else outcomes = evaluatePolicy(firewall.policy, piece, this.protocol);
    for (const outcome of outcomes) {
      const conditions = outcome.conditions.length ? ` if ${outcome.conditions.join(' and ')}` : '';
      const hop: Hop = {
        kind: 'firewall',
        node: firewall.label,
        az: endpoint.az,
        via: `${outcome.verdict}: ${outcome.reason}${conditions}`,
        firewall,
        endpoint,
        inspected: outcome.inspected,
        explicit: outcome.explicit,
        conditions: outcome.conditions,
      };
      if (outcome.verdict === 'drop') this.drop(trail, hop, outcome.piece);
      else
        this.route(endpoint.subnet, endpoint.subnet.routeTable, outcome.piece, {
          ...trail,
          hops: [...trail.hops, hop],
        });
    }
  }

  private enterTransitGateway(
    attachment: TgwAttachment,
    az: string | undefined,
    piece: Piece,
    trail: Trail,
  ): void {
    const table = attachment.association;
    const enter: Hop = {
      kind: 'attachment',
      node: attachment.label,
      az,
      via: table ? `into ${table.label}` : 'associated with no route table',
      attachment,
    };
    if (!table) return this.drop(trail, enter, piece);
    const key = `tgw:${table.id}@${az ?? '*'}`;
    if (trail.visited.has(key) || trail.hops.length > MAX_HOPS)
      return this.drop(trail, { ...enter, via: 'routing loop' }, piece);
    const visited = new Set(trail.visited).add(key);
    const { map, routes } = tgwTargetMap(table);
    for (const [target, dst] of map.partition(piece.dst)) {
      if ((target === undefined || target === BLACKHOLE) && !this.options.recordDrops) continue;
      const part = { ...piece, dst };
      const matched =
        target === undefined
          ? []
          : (routes.get(target) ?? []).filter((r) => overlaps(fromCidr(r.destination), dst));
      const via = target === undefined ? 'no route' : routeText(matched, target);
      const hops = [...trail.hops, enter, { kind: 'transit-gateway', node: table.label, via } as Hop];
      const next: Trail = { hops, visited };
      if (target === undefined || target === BLACKHOLE) {
        this.end(next, part, { kind: 'dropped', reason: target ? 'blackhole route' : 'no route' });
        continue;
      }
      if (target.kind === 'vpn' || target.kind === 'direct-connect') {
        const hop: Hop = {
          kind: 'on-premises',
          node: target.label,
          via: `to ${target.prefixCidrs.join(', ') || 'unknown prefixes'}`,
          attachment: target,
        };
        this.end(next, part, { kind: 'on-premises', attachment: target }, hop);
        continue;
      }
      if (target.kind !== 'vpc') {
        this.end(next, part, { kind: 'outside', reason: `${target.kind} attachment ${target.label}` });
        continue;
      }
      const sameZone = az !== undefined && target.subnets.some((s) => s.az === az);
      const subnets =
        target.applianceMode || !sameZone ? target.subnets : target.subnets.filter((s) => s.az === az);
      const before = this.leaves.length;
      for (const subnet of subnets) {
        const why = target.applianceMode
          ? 'appliance mode: zone by flow hash'
          : sameZone
            ? 'same zone'
            : 'zone picked by the gateway';
        const hop: Hop = {
          kind: 'attachment',
          node: target.label,
          az: subnet.az,
          via: why,
          attachment: target,
        };
        this.route(subnet, subnet.routeTable, part, { hops: [...hops, hop], visited });
      }
      if (subnets.length > 1) this.mergeZoneBranches(before);
    }
  }

  /**
   * Zone branches (every zone the gateway may pick) usually end alike. Each branch was
   * walked in full; of leaves that agree on where they end, what they carry and every
   * decision on the way (firewall verdicts, NATs), only the first is kept as the witness.
   */
  private mergeZoneBranches(from: number): void {
    const seen = new Map<string, Leaf[]>();
    let write = from;
    for (let read = from; read < this.leaves.length; read++) {
      const leaf = this.leaves[read];
      const key = leafKey(leaf);
      const alike = seen.get(key);
      if (alike?.some((other) => sameOutcome(other, leaf))) continue;
      if (alike) alike.push(leaf);
      else seen.set(key, [leaf]);
      this.leaves[write++] = leaf;
    }
    this.leaves.length = write;
  }

  private deliverLocal(vpc: Vpc, piece: Piece, trail: Trail): void {
    for (const [subnet, dst] of vpc.subnetMap.partition(piece.dst)) {
      const part = { ...piece, dst };
      if (!subnet)
        this.end(trail, part, {
          kind: 'dropped',
          reason: `no subnet of ${vpc.label} holds ${describeAddresses(dst)}`,
        });
      else this.deliver(subnet, part, trail, subnet.cidr);
    }
  }

  deliver(subnet: Subnet, piece: Piece, trail: Trail, via: string): void {
    const verdicts =
      this.options.reply || this.options.passAll
        ? [{ piece, allow: true, reason: '' }]
        : naclVerdicts(subnet.nacl, false, piece, this.protocol);
    for (const verdict of verdicts) {
      const hop: Hop = {
        kind: 'delivered',
        node: subnet.label,
        az: subnet.az,
        via: verdict.allow ? via : verdict.reason,
      };
      if (verdict.allow) this.end(trail, verdict.piece, { kind: 'delivered', subnet }, hop);
      else this.drop(trail, { ...hop, kind: 'dropped' }, verdict.piece);
    }
  }

  private end(trail: Trail, piece: Piece, end: End, hop?: Hop): void {
    if (end.kind === 'dropped' && !this.options.recordDrops) return;
    const last: Hop = hop ?? {
      kind: end.kind === 'dropped' ? 'dropped' : 'outside',
      node: '',
      via: end.kind === 'dropped' || end.kind === 'outside' ? end.reason : '',
    };
    this.leaves.push({ protocol: this.protocol, piece, hops: [...trail.hops, last], end });
  }

  private drop(trail: Trail, hop: Hop, piece: Piece): void {
    if (!this.options.recordDrops) return;
    this.leaves.push({
      protocol: this.protocol,
      piece,
      hops: [...trail.hops, hop],
      end: { kind: 'dropped', reason: hop.via },
    });
  }
}
