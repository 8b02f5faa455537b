import { CheckId, CHECKS, Violation } from '../checks/types';
import { hopText } from '../paths/types';
import { MATRIX_SEGMENTS } from '../policy/owners';
import { describePorts } from '../sets/format';
import { VerifyNetworkResult } from '../verify-network';
import { cellText, matrixSegments } from './matrix';

/** Markdown: the matrix (rows reach columns), each check's verdict, and every violation with its witness. */
export function formatMarkdown(result: VerifyNetworkResult): string {
  const lines: string[] = ['# Network proofs', ''];
  const s = result.stats;
  lines.push(
    `${s.stacks} stacks, ${s.vpcs} VPCs, ${s.attachments} attachments; ${s.walks} walks, ${s.reaches} reaches; ` +
      `model ${s.milliseconds.model} ms, paths ${s.milliseconds.reachability} ms, checks ${s.milliseconds.checks} ms.`,
    ...(result.network.outside.length > 0
      ? [
          '',
          `A single-tenant assembly: ${result.network.outside.length} hub resource(s) that name tenants it does not hold are left out; the full synth in CI proves them.`,
        ]
      : []),
    '',
    '## Reachability matrix',
    '',
    'Each cell: what the row segment reaches in the column segment, and how many owner pairs do.',
    '',
  );
  const segments = matrixSegments(result.matrix);
  lines.push(`| from \\ to | ${segments.join(' | ')} |`, `|---|${segments.map(() => '---').join('|')}|`);
  for (const row of segments) {
    const cells = segments.map((col) => cellText(result.matrix.get(row)?.get(col)));
    lines.push(`| **${row}** | ${cells.join(' | ')} |`);
  }
  lines.push('', '## Checks', '');
  for (const [id, title] of Object.entries(CHECKS) as [CheckId, string][]) {
    const count = result.violations.filter((v) => v.check === id).length;
    lines.push(
      `- ${count === 0 ? 'PASS' : 'FAIL'} ${id}: ${title}${count ? ` (${count} violation${count === 1 ? '' : 's'})` : ''}`,
    );
  }
  if (result.violations.length > 0) lines.push('', '## Violations');
  result.violations.forEach((v, i) => {
    lines.push('', `### ${i + 1}. [${v.check}] ${v.message}`);
    if (v.alsoSeen > 0)
      lines.push('', `(${v.alsoSeen} more path${v.alsoSeen === 1 ? '' : 's'} show the same)`);
    if (v.witness.length > 0) {
      lines.push('', 'Witness:', '');
      v.witness.forEach((hop, n) => lines.push(`${n + 1}. ${hopText(hop)}`));
    }
  });
  lines.push(
    '',
    result.violations.length === 0 ? 'All network proofs hold.' : `${result.violations.length} violations.`,
  );
  return `${lines.join('\n')}\n`;
}

/** JSON for machines: the same content, hops as objects without model references. */
export function formatJson(result: VerifyNetworkResult): string {
  const matrix: Record<string, Record<string, unknown>> = {};
  for (const [row, cols] of result.matrix) {
    matrix[row] = {};
    for (const [col, cell] of cols) {
      matrix[row][col] = {
        tcp: describePorts(cell.ports.tcp) || undefined,
        udp: describePorts(cell.ports.udp) || undefined,
        icmp: cell.ports.icmp.length > 0 || undefined,
        pairs: cell.pairs.size,
        uninspected: cell.uninspected,
        conditional: cell.conditional,
        leavesModel: cell.uncertain,
      };
    }
  }
  const violations = result.violations.map((v: Violation) => ({
    check: v.check,
    from: v.from,
    to: v.to,
    protocol: v.protocol,
    ports: v.ports,
    message: v.message,
    alsoSeen: v.alsoSeen,
    witness: v.witness.map((h) => ({ kind: h.kind, node: h.node, az: h.az, via: h.via })),
  }));
  const checks = Object.keys(CHECKS).map((id) => ({
    id,
    title: CHECKS[id as CheckId],
    passed: !result.violations.some((v) => v.check === id),
  }));
  const leftOut = result.network.outside.map((o) => `${o.resource}: ${o.problem}`);
  return `${JSON.stringify({ segments: MATRIX_SEGMENTS, matrix, checks, violations, leftOut, stats: result.stats }, null, 2)}\n`;
}
