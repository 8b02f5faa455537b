import { groupDigits } from '../planners/capacity/capacity-row';
import { CapacityPlan, TenantPath, TenantPathRow } from '../planners/capacity/types';
import { QuotaRow } from '../planners/hub/quotas';
import {
  capacityCell,
  headroomText,
  laneNotes,
  membersText,
  nationalSizingText,
  onPremisesText,
} from './describe';
import { summaryLine } from './format-text';
import { headroomChart } from './mermaid-chart';

const PATH_COLUMNS: readonly TenantPath[] = ['spoke-attachment', 'inspection', 'egress-nat', 'on-premises'];

/**
 * The Markdown report for docs and pull requests: a headroom chart, the national aggregates,
 * the lanes and Direct Connect gateways, then one row per tenant environment with its lane and
 * the capacity and headroom on each path, and the quota increases to request.
 */
export function formatCapacityMarkdown(plan: CapacityPlan, quotas: readonly QuotaRow[] = []): string {
  const national = [
    '| Aggregate | Need (Mbps) | Capacity (Mbps) | Headroom | Sizing |',
    '|---|--:|--:|--:|---|',
    ...plan.national.map(
      (r) =>
        `| ${r.path} | ${groupDigits(r.needMbps)} | ${groupDigits(r.capacityMbps)} | ` +
        `${headroomText(r.headroom)}× | ${nationalSizingText(r)} |`,
    ),
  ];
  const lanes = [
    '| Lane | Need (Mbps) | Capacity (Mbps) | Headroom | Members |',
    '|--:|--:|--:|--:|---|',
    ...plan.lanes
      .filter((r) => r.path === 'inspection')
      .map(
        (r) =>
          `| ${r.lane} | ${groupDigits(r.needMbps)} | ${groupDigits(r.capacityMbps)} | ${headroomText(r.headroom)}× | ` +
          `${r.members.length}: ${membersText(r.members)} |`,
      ),
  ];
  const gateways = [
    '| Gateway | Lanes | Need (Mbps) | Capacity (Mbps) | Headroom | Prefixes from / to on-premises | Members |',
    '|--:|---|--:|--:|--:|---|---|',
    ...plan.directConnectGateways.map(
      (g) =>
        `| ${g.gateway} | ${g.lanes.join(', ')} | ${groupDigits(g.needMbps)} | ${groupDigits(g.capacityMbps)} | ` +
        `${headroomText(g.headroom)}× | ${g.prefixesFromOnPremises} / 100, ${g.prefixesToOnPremises} / 200 | ${membersText(g.members)} |`,
    ),
  ];
  const environments = [
    '| Tenant | Environment | Lane | Need (Mbps) | Spoke attachment | Inspection | Egress NAT | On-premises |',
    '|---|---|--:|--:|--:|--:|--:|---|',
    ...groupByEnvironment(plan.paths).map((rows) => {
      const byPath = new Map(rows.map((r) => [r.path, r]));
      const cells = PATH_COLUMNS.map((path) => {
        const row = byPath.get(path);
        if (!row) return '–';
        const cell = capacityCell(row, '×');
        return row.sizing ? `${cell} ${onPremisesText(row.sizing)}` : cell;
      });
      const lane = byPath.get('inspection')?.lane ?? '–';
      return `| ${rows[0].tenant} | ${rows[0].environment} | ${lane} | ${groupDigits(rows[0].needMbps)} | ${cells.join(' | ')} |`;
    }),
  ];
  const requests = quotas.filter((q) => q.request || q.problem);
  const quotaTable = [
    '| Quota | Default | Needed | Request | Why |',
    '|---|--:|--:|---|---|',
    ...requests.map(
      (q) =>
        `| [${q.name}](${q.source}) | ${groupDigits(q.default)} | ${groupDigits(q.needed)} | ` +
        `${q.request ? `raise to ${groupDigits(q.request.value)}` : 'not adjustable'} | ${q.request?.why ?? q.problem} |`,
    ),
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
    '### Lanes',
    '',
    `Each lane is an inspection VPC and an egress VPC, ${groupDigits(plan.hub.lanes.capacityMbps)} Mbps with one AZ lost; ` +
      'its need is its members’ together (the egress half has the same need).',
    '',
    ...lanes,
    ...(plan.directConnectGateways.length > 0 ? ['', '### Direct Connect gateways', '', ...gateways] : []),
    ...(requests.length > 0 ? ['', '### Quota increases to request', '', ...quotaTable] : []),
    ...laneNotes(plan.hub.lanes).flatMap((n) => ['', n]),
    '',
    '### Tenant environments',
    '',
    'Each cell: capacity in Mbps (headroom); inspection and egress show the capacity of the tenant’s lane as built.',
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
