import { groupDigits } from '../planners/capacity/capacity-row';
import { CapacityPlan, TenantPath, TenantPathRow } from '../planners/capacity/types';
import { capacityCell, headroomText, nationalSizingText, onPremisesText } from './describe';
import { summaryLine } from './format-text';
import { headroomChart } from './mermaid-chart';

const PATH_COLUMNS: readonly TenantPath[] = ['spoke-attachment', 'inspection', 'egress-nat', 'on-premises'];

/**
 * The Markdown report for docs and pull requests: a headroom chart, the national aggregates,
 * then one row per tenant environment with capacity and headroom on each path.
 */
export function formatCapacityMarkdown(plan: CapacityPlan): string {
  const national = [
    '| Aggregate | Need (Mbps) | Capacity (Mbps) | Headroom | Sizing |',
    '|---|--:|--:|--:|---|',
    ...plan.national.map(
      (r) =>
        `| ${r.path} | ${groupDigits(r.needMbps)} | ${groupDigits(r.capacityMbps)} | ` +
        `${headroomText(r.headroom)}× | ${nationalSizingText(r)} |`,
    ),
  ];
  const environments = [
    '| Tenant | Environment | Need (Mbps) | Spoke attachment | Inspection | Egress NAT | On-premises |',
    '|---|---|--:|--:|--:|--:|---|',
    ...groupByEnvironment(plan.paths).map((rows) => {
      const byPath = new Map(rows.map((r) => [r.path, r]));
      const cells = PATH_COLUMNS.map((path) => {
        const row = byPath.get(path);
        if (!row) return '–';
        const cell = capacityCell(row, '×');
        return row.sizing ? `${cell} ${onPremisesText(row.sizing)}` : cell;
      });
      return `| ${rows[0].tenant} | ${rows[0].environment} | ${groupDigits(rows[0].needMbps)} | ${cells.join(' | ')} |`;
    }),
  ];
  return [
    `## Capacity plan at ${plan.growthFactor}x current peak`,
    '',
    'Capacity counts only what survives one failure: an AZ for per-AZ hub resources and attachments, ' +
      'a location for Direct Connect, a tunnel for VPN. Headroom is capacity ÷ need, rounded down.',
    '',
    summaryLine(plan, '×'),
    '',
    headroomChart(plan),
    '',
    '### National aggregates',
    '',
    ...national,
    '',
    '### Tenant environments',
    '',
    'Each cell: capacity in Mbps (headroom).',
    '',
    ...environments,
    '',
  ].join('\n');
}

function groupByEnvironment(rows: readonly TenantPathRow[]): TenantPathRow[][] {
  const groups = new Map<string, TenantPathRow[]>();
  for (const row of rows) {
    const key = `${row.tenant}/${row.environment}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()];
}
