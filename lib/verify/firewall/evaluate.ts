import { equals, overlaps } from '../sets/interval-set';
import { evaluateOrdered } from './boxes';
import { FirewallOutcome, FirewallPolicyModel, Piece, Protocol } from './types';

/**
 * What a firewall policy does with a piece of flows: stateless rules first (a stateless
 * pass skips inspection), then the stateful engine in its evaluation order. A rule with
 * conditions both passes some of its flows and lets the rest go on to later rules, so a
 * piece can come back both passed (conditionally) and dropped.
 */
export function evaluatePolicy(
  policy: FirewallPolicyModel,
  piece: Piece,
  protocol: Protocol,
): FirewallOutcome[] {
  const out: FirewallOutcome[] = [];
  const stateless = evaluateOrdered(piece, orderedRules(policy).stateless, protocol);
  for (const { rule, piece: part } of stateless) {
    const action = rule?.action ?? policy.statelessDefault;
    const reason = rule?.label ?? `stateless default aws:${action === 'forward' ? 'forward_to_sfe' : action}`;
    if (action === 'pass') {
      out.push({ piece: part, verdict: 'pass', reason, inspected: false, explicit: !!rule, conditions: [] });
    } else if (action === 'drop') {
      out.push({ piece: part, verdict: 'drop', reason, inspected: false, explicit: !!rule, conditions: [] });
    } else out.push(...stateful(policy, part, protocol));
  }
  return mergeConditionalPasses(out);
}

/**
 * Several payload rules often pass the same flows (one per allowed domain): they become one
 * pass whose reason names them all, so each set of flows is walked on once. An unconditional
 * pass of the same flows makes the merged pass unconditional.
 */
function mergeConditionalPasses(outcomes: FirewallOutcome[]): FirewallOutcome[] {
  const out: FirewallOutcome[] = [];
  for (const outcome of outcomes) {
    const same =
      outcome.verdict === 'pass' &&
      out.find(
        (o) => o.verdict === 'pass' && o.inspected === outcome.inspected && samePiece(o.piece, outcome.piece),
      );
    if (!same) {
      out.push(outcome);
      continue;
    }
    const unconditional = same.conditions.length === 0 || outcome.conditions.length === 0;
    const [first, more] = /^(.*?)(?: \(or (\d+) more payload rules\))?$/.exec(same.reason)!.slice(1);
    out[out.indexOf(same)] = {
      ...same,
      reason: unconditional
        ? same.conditions.length === 0
          ? same.reason
          : outcome.reason
        : `${first} (or ${Number(more ?? 0) + 1} more payload rules)`,
      explicit: same.explicit && outcome.explicit,
      conditions: unconditional ? [] : same.conditions,
    };
  }
  return out;
}

function samePiece(a: Piece, b: Piece): boolean {
  return equals(a.src, b.src) && equals(a.dst, b.dst) && equals(a.ports, b.ports);
}

const ORDERED = new WeakMap<FirewallPolicyModel, ReturnType<typeof order>>();

/** The policy's rules marked terminal or not, computed once per policy. */
function orderedRules(policy: FirewallPolicyModel): ReturnType<typeof order> {
  let ordered = ORDERED.get(policy);
  if (!ordered) ORDERED.set(policy, (ordered = order(policy)));
  return ordered;
}

function order(policy: FirewallPolicyModel) {
  return {
    stateless: policy.statelessRules.map((r) => ({ ...r, terminal: true })),
    stateful: policy.statefulRules.map((r) => ({
      ...r,
      terminal: r.action !== 'alert' && r.conditions.length === 0,
    })),
  };
}

const RELEVANT = new WeakMap<FirewallPolicyModel, Map<string, ReturnType<typeof order>['stateful']>>();

/**
 * The stateful rules that can match flows from `src` on a protocol, in order. Walks from one
 * VPC reach the firewall with the same sources again and again, and most rules name other
 * sources, so the short list is kept per policy, protocol and source set.
 */
function relevantRules(
  policy: FirewallPolicyModel,
  src: Piece['src'],
  protocol: Protocol,
): ReturnType<typeof order>['stateful'] {
  let byKey = RELEVANT.get(policy);
  if (!byKey) RELEVANT.set(policy, (byKey = new Map()));
  const key = `${protocol}|${src.join(';')}`;
  let rules = byKey.get(key);
  if (!rules) {
    rules = orderedRules(policy).stateful.filter(
      (r) => r.box.protocols.includes(protocol) && overlaps(r.box.src, src),
    );
    byKey.set(key, rules);
  }
  return rules;
}

function stateful(policy: FirewallPolicyModel, piece: Piece, protocol: Protocol): FirewallOutcome[] {
  const out: FirewallOutcome[] = [];
  for (const { rule, piece: part } of evaluateOrdered(
    piece,
    relevantRules(policy, piece.src, protocol),
    protocol,
  )) {
    if (!rule) {
      out.push({
        piece: part,
        verdict: policy.statefulDefault,
        reason: `stateful default ${policy.statefulDefaultLabel}`,
        inspected: true,
        explicit: false,
        conditions: [],
      });
    } else if (rule.action === 'pass') {
      out.push({
        piece: part,
        verdict: 'pass',
        reason: rule.label,
        inspected: true,
        explicit: true,
        conditions: rule.conditions,
      });
    } else if ((rule.action === 'drop' || rule.action === 'reject') && rule.conditions.length === 0) {
      out.push({
        piece: part,
        verdict: 'drop',
        reason: rule.label,
        inspected: true,
        explicit: true,
        conditions: [],
      });
    }
  }
  return out;
}
