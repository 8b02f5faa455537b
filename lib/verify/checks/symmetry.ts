import { Protocol } from '../firewall/types';
import { Reach, subnetSignature } from '../paths/reachability';
import { Hop, Leaf, WalkOptions } from '../paths/types';
import { Walk } from '../paths/walk';
import { describePorts } from '../sets/format';
import {
  ALL_PORTS,
  EMPTY,
  intersect,
  isEmpty,
  IntervalSet,
  normalise,
  subtract,
  union,
} from '../sets/interval-set';
import { endpointText, endpointVpc, endText, inspectedAt } from './inspection';
import { CheckContext, Findings, Violation } from './types';

/**
 * (7) No asymmetric path through the firewall. Flow state lives in one firewall endpoint (a
 * lane's inspection VPC, in one zone), so the reply must come back through that endpoint.
 *
 * - Appliance mode: wherever a path enters a firewall's VPC from the Transit Gateway, that
 *   attachment must have appliance mode, or the two directions of a flow can meet different
 *   endpoints (per-zone state) and the reply is dropped.
 * - Replies: for every inspected flow, the reply (walked back from where the flow arrived,
 *   with firewalls passing on state) must reach the sender, cross exactly one firewall
 *   endpoint, and that in the same lane's VPC (and zone, unless appliance mode hashes it) as
 *   the request's.
 */
export function checkSymmetry(ctx: CheckContext): Violation[] {
  const findings = new Findings();
  const groups = new Map<string, Reach[]>();
  for (const r of ctx.reachability.reaches) {
    if (r.uncertain || r.from.kind === 'internet') continue;
    const at = inspectedAt(r.leaf);
    if (at < 0) continue;
    checkApplianceMode(r, findings);
    const key = replyStart(r);
    if (!key) continue;
    const existing = groups.get(key);
    if (existing) existing.push(r);
    else groups.set(key, [r]);
  }
  const memo: WalkOptions['memo'] = new Map(); // replies from alike subnets meet the same hub hops
  for (const reaches of groups.values()) checkReplies(reaches, findings, memo);
  return findings.list;
}

function checkApplianceMode(r: Reach, findings: Findings): void {
  const hops = r.leaf.hops;
  hops.forEach((hop, i) => {
    if (hop.kind !== 'firewall' || !hop.firewall) return;
    for (let j = i - 1; j >= 0; j--) {
      const entry = hops[j];
      if (entry.kind !== 'attachment' || entry.attachment?.vpc !== hop.firewall.vpc) continue;
      if (!entry.attachment.applianceMode) {
        findings.add(`appliance|${entry.attachment.id}`, {
          check: 'symmetry',
          from: r.from.key,
          to: r.to.key,
          protocol: r.protocol,
          ports: describePorts(r.ports),
          message: `${entry.attachment.label} leads into firewall ${hop.firewall.label} without appliance mode: the reply can meet another zone's endpoint and be dropped`,
          witness: hops,
        });
      }
      return;
    }
  });
}

/**
 * Where the reply to a reach starts: the subnet it arrived in, its on-premises link, or its
 * NAT. Replies pass firewalls on state and skip NACLs, so their path does not depend on the
 * protocol: one reply walk serves every protocol.
 */
function replyStart(r: Reach): string | undefined {
  const end = r.leaf.end;
  // Subnets that route alike reply alike: one reply walk per kind of subnet, not per subnet.
  if (end.kind === 'delivered') return `subnet|${subnetSignature(end.subnet)}`;
  if (end.kind === 'on-premises') return `attachment|${end.attachment.id}`;
  const nat = [...r.leaf.hops].reverse().find((h) => h.kind === 'nat-gateway')?.nat;
  return end.kind === 'internet' && nat ? `nat|${nat.id}` : undefined;
}

function checkReplies(reaches: Reach[], findings: Findings, memo: WalkOptions['memo']): void {
  const first = reaches[0];
  const protocol: Protocol = first.protocol;
  const src = normalise(reaches.flatMap((r) => r.dst));
  const dst = normalise(reaches.flatMap((r) => r.src));
  const piece = { src, dst, ports: ALL_PORTS };
  const options = { reply: true, recordDrops: true, memo };
  const end = first.leaf.end;
  let replies: Leaf[];
  if (end.kind === 'delivered') replies = Walk.fromSubnet(end.subnet, piece, protocol, options);
  else if (end.kind === 'on-premises')
    replies = Walk.fromAttachment(end.attachment, piece, protocol, options);
  else {
    const nat = [...first.leaf.hops].reverse().find((h) => h.kind === 'nat-gateway')!.nat!;
    replies = Walk.fromSubnet(nat.subnet, piece, protocol, options);
  }
  const index = new ReplyIndex(replies);
  for (const r of reaches) {
    const request = r.leaf.hops[inspectedAt(r.leaf)];
    const base = {
      check: 'symmetry' as const,
      from: r.from.key,
      to: r.to.key,
      protocol: r.protocol,
      ports: describePorts(r.ports),
    };
    let covered: IntervalSet = EMPTY;
    for (const reply of index.overlapping(r.src)) {
      const part = intersect(reply.piece.dst, r.src);
      if (isEmpty(part)) continue;
      covered = union(covered, part);
      const problem = replyProblem(reply, request, r);
      if (problem) {
        findings.add(`reply|${r.from.key}|${r.to.key}|${problem.kind}`, {
          ...base,
          message: `the reply from ${r.to.key} to ${r.from.key} ${problem.text}`,
          witness: reply.hops,
        });
      }
    }
    if (!isEmpty(subtract(r.src, covered))) {
      findings.add(`reply|${r.from.key}|${r.to.key}|none`, {
        ...base,
        message: `the reply from ${r.to.key} to ${r.from.key} has no path back; the request went this way`,
        witness: r.leaf.hops,
      });
    }
  }
}

function replyProblem(reply: Leaf, request: Hop, r: Reach): { kind: string; text: string } | undefined {
  if (reply.end.kind !== 'delivered' && reply.end.kind !== 'on-premises') {
    return { kind: 'lost', text: `does not get back (${endText(reply)})` };
  }
  const firewalls = reply.hops.filter((h) => h.kind === 'firewall');
  const lane = endpointVpc(request);
  const same = firewalls.filter((h) => endpointVpc(h) === lane && h.firewall === request.firewall);
  if (same.length === 0) {
    const other = firewalls[0];
    return other
      ? {
          kind: 'lane',
          text: `crosses ${endpointText(other)}, but the request crossed ${endpointText(request)}: the reply meets no flow state`,
        }
      : { kind: 'bypass', text: `bypasses ${endpointText(request)}, which passed the request` };
  }
  if (firewalls.length > 1) {
    return {
      kind: 'twice',
      text: `crosses ${firewalls.length} firewall endpoints (${firewalls.map(endpointText).join(', then ')}); a flow is inspected once`,
    };
  }
  const entry = [...r.leaf.hops].reverse().find((h) => h.kind === 'attachment' && h.attachment?.vpc === lane);
  const hashed = entry?.attachment?.applianceMode ?? false;
  if (!hashed && !same.some((h) => h.az === request.az)) {
    return {
      kind: 'zone',
      text: `crosses ${request.firewall!.label} in ${same[0].az}, the request in ${request.az}: the reply meets no flow state`,
    };
  }
  return undefined;
}

/** Reply leaves by destination range, so each request finds its replies without a scan of all. */
class ReplyIndex {
  private readonly entries: { lo: number; hi: number; leaf: Leaf }[] = [];
  private readonly widest: number;

  constructor(replies: readonly Leaf[]) {
    for (const leaf of replies) for (const [lo, hi] of leaf.piece.dst) this.entries.push({ lo, hi, leaf });
    this.entries.sort((a, b) => a.lo - b.lo);
    this.widest = this.entries.reduce((w, e) => Math.max(w, e.hi - e.lo), 0);
  }

  overlapping(set: IntervalSet): Set<Leaf> {
    const out = new Set<Leaf>();
    for (const [lo, hi] of set) {
      let left = 0;
      let right = this.entries.length;
      while (left < right) {
        const mid = (left + right) >> 1;
        if (this.entries[mid].lo <= hi) left = mid + 1;
        else right = mid;
      }
      for (let i = left - 1; i >= 0 && this.entries[i].lo >= lo - this.widest; i--) {
        if (this.entries[i].hi >= lo) out.add(this.entries[i].leaf);
      }
    }
    return out;
  }
}
