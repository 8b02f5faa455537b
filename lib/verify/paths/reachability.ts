import { Protocol, PROTOCOLS } from '../firewall/types';
import { NetworkModel, Subnet, Vpc, VpcTarget } from '../model/types';
import { exactOwner, Owner, Owners } from '../policy/owners';
import {
  ALL_ADDRESSES,
  ALL_PORTS,
  equals,
  isEmpty,
  IntervalSet,
  normalise,
  subtract,
} from '../sets/interval-set';
import { Hop, Leaf, originalSource } from './types';
import { leafKey, pieceHash, sameOutcome } from './leaf-identity';
import { Walk } from './walk';

/** Flows from one owner's addresses that reach another's, with the path that carries them. */
export interface Reach {
  readonly from: Owner;
  readonly to: Owner;
  readonly protocol: Protocol;
  readonly src: IntervalSet;
  readonly dst: IntervalSet;
  readonly ports: IntervalSet;
  readonly leaf: Leaf;
  /** The flows left the model (an unresolved target): they may reach `to`, and nothing proves they do not. */
  readonly uncertain: boolean;
}

export interface Reachability {
  readonly reaches: readonly Reach[];
  readonly vpcOwner: (vpc: Vpc) => Owner;
  /** Walks run (sources x protocols), for the report. */
  readonly walks: number;
}

/**
 * Walks every flow that can start in the estate: from every subnet of every tenant and
 * shared-services VPC, from every on-premises attachment (per tenant behind it) and from
 * the internet through every internet gateway; once per protocol, with every destination
 * and port at once. Each leaf is split by the owner of the addresses it reached.
 */
export function computeReachability(
  model: NetworkModel,
  owners: Owners,
  options: {
    /**
     * Routing alone (see `WalkOptions.passAll`): one protocol, from the tenants only, towards the
     * other tier's addresses only (all `routing-isolation` asks).
     */
    readonly passAll?: boolean;
    /** Keep only the reaches this accepts (the rest are walked, then dropped, to save memory). */
    readonly keep?: (from: Owner, to: Owner) => boolean;
  } = {},
): Reachability {
  const vpcOwners = new Map<Vpc, Owner>();
  const vpcOwner = (vpc: Vpc): Owner => {
    let owner = vpcOwners.get(vpc);
    if (!owner) {
      const inAccount = owners.byAccount.get(vpc.account) ?? [];
      owner =
        exactOwner(owners, vpc.cidrs[0]) ??
        (inAccount.length === 1 ? inAccount[0] : undefined) ??
        ({
          key: `vpc/${vpc.label}`,
          segment: 'network-hub',
          kind: 'hub',
          cidrs: vpc.cidrs,
          addresses: vpc.addresses,
        } satisfies Owner);
      vpcOwners.set(vpc, owner);
    }
    return owner;
  };
  const reaches: Reach[] = [];
  let walks = 0;
  const collect = (from: Owner, leaves: Leaf[]): void => {
    const found: Reach[] = [];
    for (const leaf of leaves) classify(owners, vpcOwner, from, leaf, found);
    for (const r of found) if (!options.keep || options.keep(r.from, r.to)) reaches.push(r);
  };
  // Routing alone does not depend on the protocol once firewalls and NACLs pass everything.
  const protocols = options.passAll ? PROTOCOLS.slice(0, 1) : PROTOCOLS;
  const memos = new Map(PROTOCOLS.map((p) => [p, new Map()]));
  // Routing alone is asked one thing: can a tenant reach the other tier. Walking only towards
  // the other tier's addresses keeps every other destination (blackholed or not) out of it.
  const tierAddresses = (tier: Owner['tier']) =>
    normalise(owners.all.filter((o) => o.kind === 'tenant' && o.tier !== tier).flatMap((o) => o.addresses));
  const otherTier = new Map([
    ['prod', tierAddresses('prod')],
    ['nonprod', tierAddresses('nonprod')],
  ]);
  for (const vpc of model.vpcs) {
    const from = vpcOwner(vpc);
    if (from.kind !== 'tenant' && from.kind !== 'shared-services') continue;
    if (options.passAll && from.kind !== 'tenant') continue;
    // Only addresses in a subnet can send (and be replied to). Routing alone does not look at
    // the source, so those walks share one, and with it every mid-path result.
    const src = options.passAll ? ALL_ADDRESSES : normalise(vpc.subnets.flatMap((s) => s.addresses));
    for (const subnet of sourceSubnets(vpc)) {
      for (const protocol of protocols) {
        walks++;
        const dst = options.passAll ? (otherTier.get(from.tier ?? 'prod') ?? ALL_ADDRESSES) : ALL_ADDRESSES;
        const piece = { src, dst, ports: ALL_PORTS };
        collect(
          from,
          Walk.fromSubnet(subnet, piece, protocol, { memo: memos.get(protocol), passAll: options.passAll }),
        );
      }
    }
  }
  // Routing alone: only where tenants' own flows can go matters (tier isolation).
  if (options.passAll) return { reaches: dedupe(reaches), vpcOwner, walks };
  for (const tgw of model.transitGateways) {
    for (const attachment of tgw.attachments) {
      if (attachment.kind !== 'vpn' && attachment.kind !== 'direct-connect') continue;
      for (const [from, src] of owners.map.partition(attachment.prefixes)) {
        if (!from || from.kind !== 'on-premises') continue;
        for (const protocol of PROTOCOLS) {
          walks++;
          collect(
            from,
            Walk.fromAttachment(attachment, { src, dst: ALL_ADDRESSES, ports: ALL_PORTS }, protocol),
          );
        }
      }
    }
  }
  const internetSources = subtract(ALL_ADDRESSES, owners.homeNet);
  for (const vpc of model.vpcs) {
    for (const gateway of vpc.internetGateways) {
      for (const protocol of PROTOCOLS) {
        walks++;
        collect(
          owners.internet,
          Walk.fromInternet(
            gateway,
            { src: internetSources, dst: ALL_ADDRESSES, ports: ALL_PORTS },
            protocol,
          ),
        );
      }
    }
  }
  return { reaches: dedupe(reaches), vpcOwner, walks };
}

/**
 * One subnet per distinct way out: subnets in the same zone with the same routes and NACL
 * send the same flows the same way (workload and transit subnets usually do). Sources are
 * whole VPCs, as the policy names VPC CIDRs; see docs/network-proofs.md.
 */
export function sourceSubnets(vpc: Vpc): Subnet[] {
  const seen = new Map<string, Subnet>();
  for (const subnet of vpc.subnets) {
    const key = subnetSignature(subnet);
    if (!seen.has(key)) seen.set(key, subnet);
  }
  return [...seen.values()];
}

const SIGNATURES = new WeakMap<Subnet, string>();

/** VPC, zone, NACL and routes: subnets that agree on these send any flow the same way. */
export function subnetSignature(subnet: Subnet): string {
  let signature = SIGNATURES.get(subnet);
  if (signature === undefined) {
    const routes = subnet.routeTable.routes
      .map((r) => `${r.destination}>${targetKey(r.target)}`)
      .sort()
      .join(',');
    signature = `${subnet.vpc.id}|${subnet.az}|${subnet.nacl.id}|${routes}`;
    SIGNATURES.set(subnet, signature);
  }
  return signature;
}

function targetKey(target: VpcTarget): string {
  switch (target.kind) {
    case 'local':
      return 'local';
    case 'internet-gateway':
      return target.gateway.id;
    case 'nat-gateway':
      return target.nat.id;
    case 'transit-gateway':
      return target.tgw.id;
    case 'peering':
      return target.peering.id;
    case 'firewall':
      return target.endpoint.id;
    case 'gateway-endpoint':
    case 'opaque':
      return target.label;
    case 'unresolved':
      return target.reason;
  }
}

/**
 * Drops reaches that repeat another in all that the checks read: the zone branches of an
 * appliance-mode attachment all lead to the same places. The firewall's zone stays in the key
 * where the attachment into it lacks appliance mode, since there the zone decides symmetry.
 */
function dedupe(reaches: Reach[]): Reach[] {
  const seen = new Map<string, Reach[]>();
  return reaches.filter((r) => {
    const key = `${r.from.key}>${r.to.key}|${r.protocol}|${r.uncertain}|${leafKey(r.leaf)}|${hashSets(r.src, r.dst)}`;
    const alike = seen.get(key);
    if (alike?.some((other) => sameReach(other, r))) return false;
    if (alike) alike.push(r);
    else seen.set(key, [r]);
    return true;
  });
}

function hashSets(a: IntervalSet, b: IntervalSet): number {
  return pieceHash({ src: a, dst: b, ports: [] });
}

/** Equal in all the checks read; the firewall's zone counts only where no appliance mode hashes it. */
function sameReach(a: Reach, b: Reach): boolean {
  if (!equals(a.src, b.src) || !equals(a.dst, b.dst) || !sameOutcome(a.leaf, b.leaf)) return false;
  const zones = (r: Reach): string =>
    r.leaf.hops
      .filter((h) => h.kind === 'firewall' && !hashedZone(r.leaf.hops, h))
      .map((h) => h.az)
      .join(',');
  return zones(a) === zones(b);
}

/** Whether the attachment that led into this firewall's VPC spreads flows by hash (appliance mode). */
function hashedZone(hops: readonly Hop[], firewall: Hop): boolean {
  const i = hops.indexOf(firewall);
  for (let j = i - 1; j >= 0; j--) {
    const h = hops[j];
    if (h.kind === 'attachment' && h.attachment?.vpc === firewall.firewall?.vpc)
      return h.attachment!.applianceMode;
  }
  return true;
}

function classify(
  owners: Owners,
  vpcOwner: (vpc: Vpc) => Owner,
  from: Owner,
  leaf: Leaf,
  out: Reach[],
): void {
  const push = (to: Owner, dst: IntervalSet, uncertain: boolean): void => {
    if (to === from || isEmpty(dst)) return;
    out.push({
      from,
      to,
      protocol: leaf.protocol,
      src: originalSource(leaf),
      dst,
      ports: leaf.piece.ports,
      leaf,
      uncertain,
    });
  };
  const byOwner = (uncertain: boolean, onPremises: boolean): void => {
    for (const [owner, dst] of owners.map.partition(leaf.piece.dst)) {
      if (onPremises) push(owner?.kind === 'on-premises' ? owner : owners.otherOnPremises, dst, uncertain);
      else if (owner) push(owner, dst, uncertain);
      else push(owners.internet, subtract(dst, owners.homeNet), uncertain);
    }
  };
  switch (leaf.end.kind) {
    case 'delivered':
      return push(vpcOwner(leaf.end.subnet.vpc), leaf.piece.dst, false);
    case 'internet':
      return push(owners.internet, subtract(leaf.piece.dst, owners.homeNet), false);
    case 'on-premises':
      return byOwner(false, true);
    case 'outside':
      return byOwner(true, false);
    case 'dropped':
      return;
  }
}
