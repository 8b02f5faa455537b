import { renderMermaid } from './mermaid';
import { Topology } from './topology';

export const DIAGRAM_FORMATS = ['mermaid', 'md'] as const;
export type DiagramFormat = (typeof DIAGRAM_FORMATS)[number];

/** `mermaid`: the flowchart alone (for .mmd files); `md`: a heading, a summary and a fenced block. */
export function formatDiagram(topology: Topology, format: DiagramFormat): string {
  const chart = renderMermaid(topology);
  if (format === 'mermaid') return chart;
  return ['## Estate topology', '', summary(topology), '', '```mermaid', chart.trimEnd(), '```', ''].join(
    '\n',
  );
}

function summary(topology: Topology): string {
  const { national, icbs, trusts, environments } = topology.totals;
  const collapsed = topology.groups.filter((g) => g.collapsed).length;
  const note = collapsed
    ? ` ${collapsed} large group${collapsed === 1 ? ' is' : 's are'} shown as counts.`
    : '';
  return (
    `${national + icbs + trusts} tenants (${national} national, ${icbs} ICBs, ${trusts} trusts) ` +
    `in ${environments} environments, grouped by ICB.${note}`
  );
}
