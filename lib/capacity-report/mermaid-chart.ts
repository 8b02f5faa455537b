import { CapacityPlan, NationalPath } from '../planners/capacity/types';
import { headroomText } from './describe';

/** Bars above this are drawn at it, so one idle tenant cannot flatten the chart. */
export const CHART_MAX_HEADROOM = 10;

const SHORT_NAMES: Record<NationalPath, string> = {
  'firewall-endpoints': 'firewall',
  'nat-gateways': 'NAT',
  'dx-ports': 'DX ports',
  'dx-gateway-attachment': 'DX gateway',
};

/** Lanes drawn: the busiest ones, so 50 lanes do not crowd the tenants out. */
export const CHART_LANES = 4;

/**
 * A Mermaid `xychart-beta` of headroom: the national aggregates, the busiest lanes, then the
 * `top` tenants by need, each at its lowest headroom on any path; a line marks 1.0, below which
 * a need is unmet. Showing only the largest tenants keeps it readable for an estate of 250.
 */
export function headroomChart(plan: CapacityPlan, top = 12): string {
  const lowest = new Map<string, { need: number; headroom: number }>();
  for (const row of plan.paths) {
    const seen = lowest.get(row.tenant);
    lowest.set(row.tenant, {
      need: Math.max(seen?.need ?? 0, row.needMbps),
      headroom: Math.min(seen?.headroom ?? Infinity, row.headroom),
    });
  }
  const tenants = [...lowest.entries()]
    .sort(([a, x], [b, y]) => y.need - x.need || a.localeCompare(b))
    .slice(0, top);
  const lanes =
    plan.lanes.length > 2
      ? plan.lanes
          .filter((r) => r.path === 'inspection')
          .sort((a, b) => a.headroom - b.headroom || a.lane - b.lane)
          .slice(0, CHART_LANES)
      : [];
  const bars = [
    ...plan.national.map((r) => ({ label: SHORT_NAMES[r.path], headroom: r.headroom })),
    ...lanes.map((r) => ({ label: `lane ${r.lane}`, headroom: r.headroom })),
    ...tenants.map(([tenant, t]) => ({ label: tenant, headroom: t.headroom })),
  ];
  const axisMax = Math.min(
    CHART_MAX_HEADROOM,
    Math.max(2, Math.ceil(Math.max(...bars.map((b) => b.headroom)))),
  );
  const minimum =
    plan.minimumHeadroom === undefined ? '' : `, minimum ${headroomText(plan.minimumHeadroom)}x`;
  return [
    '```mermaid',
    'xychart-beta',
    `  title "Headroom at ${plan.growthFactor}x: national aggregates${lanes.length ? `, the ${lanes.length} busiest lanes` : ''} and the ${tenants.length} largest tenants${minimum}"`,
    `  x-axis [${bars.map((b) => `"${b.label}"`).join(', ')}]`,
    `  y-axis "capacity / need (capped at ${axisMax})" 0 --> ${axisMax}`,
    `  bar [${bars.map((b) => headroomText(Math.min(b.headroom, axisMax))).join(', ')}]`,
    `  line [${bars.map(() => '1').join(', ')}]`,
    '```',
  ].join('\n');
}
