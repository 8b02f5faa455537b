import { intersect, isEmpty, subtract } from '../sets/interval-set';
import { MatchBox, Piece, Protocol } from './types';

/**
 * Splits a piece of flows by a rule's box: the flows inside it, and the rest as at most
 * three disjoint pieces (outside the source set; inside it but outside the destinations;
 * inside both but on other ports).
 */
export function splitByBox(
  piece: Piece,
  box: MatchBox,
  protocol: Protocol,
): { inside?: Piece; outside: Piece[] } {
  if (!box.protocols.includes(protocol)) return { outside: [piece] };
  const src = intersect(piece.src, box.src);
  const dst = intersect(piece.dst, box.dst);
  const ports = protocol === 'icmp' ? piece.ports : intersect(piece.ports, box.ports);
  if (isEmpty(src) || isEmpty(dst) || isEmpty(ports)) return { outside: [piece] };
  const outside: Piece[] = [
    { src: subtract(piece.src, box.src), dst: piece.dst, ports: piece.ports },
    { src, dst: subtract(piece.dst, box.dst), ports: piece.ports },
    { src, dst, ports: subtract(piece.ports, ports) },
  ].filter((p) => !isEmpty(p.src) && !isEmpty(p.dst) && !isEmpty(p.ports));
  return { inside: { src, dst, ports }, outside };
}

/** A rule as the ordered evaluator sees it: a box, and whether a match ends evaluation. */
export interface OrderedRule {
  readonly box: MatchBox;
  /** False for rules that only sometimes match (conditions) or never decide (alert). */
  readonly terminal: boolean;
}

/**
 * First-match evaluation of an ordered rule list over a piece. Returns each matched part
 * with its rule; non-terminal matches are reported and the same flows go on to later rules.
 * Flows no terminal rule matched come back with `rule: undefined` (the default action).
 */
export function evaluateOrdered<R extends OrderedRule>(
  piece: Piece,
  rules: readonly R[],
  protocol: Protocol,
): { rule?: R; piece: Piece }[] {
  const out: { rule?: R; piece: Piece }[] = [];
  let pending: Piece[] = [piece];
  for (const rule of rules) {
    if (pending.length === 0) break;
    if (!rule.box.protocols.includes(protocol)) continue;
    const next: Piece[] = [];
    for (const p of pending) {
      const { inside, outside } = splitByBox(p, rule.box, protocol);
      if (inside) {
        out.push({ rule, piece: inside });
        if (!rule.terminal) next.push(inside);
      }
      next.push(...outside);
    }
    pending = next;
  }
  for (const p of pending) out.push({ piece: p });
  return out;
}
