import { Protocol, PROTOCOLS } from '../firewall/types';
import { inspected } from '../checks/inspection';
import { Reach } from '../paths/reachability';
import { MATRIX_SEGMENTS, MatrixSegment } from '../policy/owners';
import { describePorts } from '../sets/format';
import { EMPTY, IntervalSet, isEmpty, union } from '../sets/interval-set';

/** What one segment reaches in another, summed over every member pair. */
export interface MatrixCell {
  readonly ports: Record<Protocol, IntervalSet>;
  /** Distinct `from -> to` owner pairs. */
  readonly pairs: Set<string>;
  /** Some flows reach without an explicit firewall pass. */
  uninspected: boolean;
  /** Some passes depend on payload (TLS SNI, HTTP host). */
  conditional: boolean;
  /** Some flows left the model, so they may reach. */
  uncertain: boolean;
}

export type Matrix = Map<MatrixSegment, Map<MatrixSegment, MatrixCell>>;

/** The segment-to-segment reachability matrix (a VPC reaching itself is left out). */
export function buildMatrix(reaches: readonly Reach[]): Matrix {
  const matrix: Matrix = new Map();
  for (const r of reaches) {
    const row = matrix.get(r.from.segment) ?? new Map<MatrixSegment, MatrixCell>();
    matrix.set(r.from.segment, row);
    let cell = row.get(r.to.segment);
    if (!cell) {
      cell = {
        ports: { tcp: EMPTY, udp: EMPTY, icmp: EMPTY },
        pairs: new Set(),
        uninspected: false,
        conditional: false,
        uncertain: false,
      };
      row.set(r.to.segment, cell);
    }
    cell.ports[r.protocol] = union(cell.ports[r.protocol], r.ports);
    cell.pairs.add(`${r.from.key}>${r.to.key}`);
    const passed = inspected(r.leaf);
    if (!passed && !r.uncertain) cell.uninspected = true;
    if (r.uncertain) cell.uncertain = true;
    if (r.leaf.hops.some((h) => h.kind === 'firewall' && (h.conditions?.length ?? 0) > 0))
      cell.conditional = true;
  }
  return matrix;
}

/** `tcp/443 udp/53 (3 pairs, SNI)`; `-` when nothing reaches. */
export function cellText(cell: MatrixCell | undefined): string {
  if (!cell) return '-';
  const flows = PROTOCOLS.filter((p) => !isEmpty(cell.ports[p])).map((p) =>
    p === 'icmp' ? 'icmp' : `${p}/${describePorts(cell.ports[p])}`,
  );
  const notes = [`${cell.pairs.size} pair${cell.pairs.size === 1 ? '' : 's'}`];
  if (cell.conditional) notes.push('payload-conditional');
  if (cell.uninspected) notes.push('UNINSPECTED');
  if (cell.uncertain) notes.push('LEAVES MODEL');
  return `${flows.join(' ')} (${notes.join(', ')})`;
}

export function matrixSegments(matrix: Matrix): MatrixSegment[] {
  const used = new Set<MatrixSegment>();
  for (const [row, cols] of matrix) {
    used.add(row);
    for (const col of cols.keys()) used.add(col);
  }
  return MATRIX_SEGMENTS.filter((s) => s !== 'network-hub' || used.has(s));
}
