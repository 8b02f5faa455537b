import { Piece } from '../firewall/types';
import { equals } from '../sets/interval-set';
import { Hop, Leaf } from './types';

/** Where a leaf ends plus a hash of what it carries; `sameOutcome` settles equal keys. */
export function leafKey(leaf: Leaf): string {
  const end = leaf.end;
  const where =
    end.kind === 'delivered'
      ? end.subnet.id
      : end.kind === 'internet'
        ? end.gateway.id
        : end.kind === 'on-premises'
          ? end.attachment.id
          : `${end.kind}:${end.reason}`;
  return `${where}|${pieceHash(leaf.piece)}`;
}

/** Same flows, same end and the same decisions on the way (firewall verdicts, NATs), zones aside. */
export function sameOutcome(a: Leaf, b: Leaf): boolean {
  if (!samePiece(a.piece, b.piece)) return false;
  const decisions = (leaf: Leaf): Hop[] =>
    leaf.hops.filter((h) => h.kind === 'firewall' || h.kind === 'nat-gateway');
  const da = decisions(a);
  const db = decisions(b);
  return (
    da.length === db.length &&
    da.every((h, i) => h.nat === db[i].nat && h.firewall === db[i].firewall && h.via === db[i].via)
  );
}

/** A cheap hash of a piece's sets; equal hashes are confirmed with `samePiece`. */
export function pieceHash(piece: Piece): number {
  let h = 0;
  for (const set of [piece.src, piece.dst, piece.ports]) {
    h = (Math.imul(h, 31) + set.length) | 0;
    for (const [lo, hi] of set) h = (Math.imul(h, 31) + lo * 7 + hi) | 0;
  }
  return h;
}

export function samePiece(a: Piece, b: Piece): boolean {
  return equals(a.src, b.src) && equals(a.dst, b.dst) && equals(a.ports, b.ports);
}
