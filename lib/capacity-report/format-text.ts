import { groupDigits } from '../planners/capacity/capacity-row';
import { formatShortfalls } from '../planners/capacity/assert-capacity';
import { CapacityPlan } from '../planners/capacity/types';
import { QuotaRow } from '../planners/hub/quotas';
import { alignColumns } from './columns';
import { headroomText, laneNotes, membersText, nationalSizingText, onPremisesText } from './describe';

/**
 * The terminal table: national aggregates first (they bind first), then each lane and Direct
 * Connect gateway, one line per tenant environment and path (so `grep RGR` shows a tenant's
 * whole picture, its lane included), and the quotas to raise.
 */
export function formatCapacityText(plan: CapacityPlan, quotas: readonly QuotaRow[] = []): string {
  const national = alignColumns(
    [
      ['PATH', 'NEED Mbps', 'CAPACITY Mbps', 'HEADROOM', 'SIZING'],
      ...plan.national.map((r) => [
        r.path,
        groupDigits(r.needMbps),
        groupDigits(r.capacityMbps),
        `${headroomText(r.headroom)}x`,
        nationalSizingText(r),
      ]),
    ],
    [false, true, true, true, false],
  );
  const lanes = alignColumns(
    [
      ['LANE', 'PATH', 'NEED Mbps', 'CAPACITY Mbps', 'HEADROOM', 'MEMBERS'],
      ...plan.lanes.map((r) => [
        String(r.lane),
        r.path,
        groupDigits(r.needMbps),
        groupDigits(r.capacityMbps),
        `${headroomText(r.headroom)}x`,
        `${r.members.length}: ${membersText(r.members)}`,
      ]),
    ],
    [true, false, true, true, true, false],
  );
  const gateways = alignColumns(
    [
      ['GATEWAY', 'LANES', 'NEED Mbps', 'CAPACITY Mbps', 'HEADROOM', 'PREFIXES IN/OUT', 'MEMBERS'],
      ...plan.directConnectGateways.map((g) => [
        String(g.gateway),
        g.lanes.join(','),
        groupDigits(g.needMbps),
        groupDigits(g.capacityMbps),
        `${headroomText(g.headroom)}x`,
        `${g.prefixesFromOnPremises}/100 ${g.prefixesToOnPremises}/200`,
        membersText(g.members),
      ]),
    ],
    [true, false, true, true, true, false, false],
  );
  const paths = alignColumns(
    [
      ['TENANT', 'ENVIRONMENT', 'PATH', 'NEED Mbps', 'CAPACITY Mbps', 'HEADROOM', 'LANE', 'SIZING'],
      ...plan.paths.map((r) => [
        r.tenant,
        r.environment,
        r.path,
        groupDigits(r.needMbps),
        groupDigits(r.capacityMbps),
        `${headroomText(r.headroom)}x`,
        r.lane === undefined ? '' : String(r.lane),
        r.sizing ? onPremisesText(r.sizing) : '',
      ]),
    ],
    [false, false, false, true, true, true, true, false],
  );
  const requests = quotas.filter((q) => q.request || q.problem);
  const quotaLines = alignColumns(
    [
      ['QUOTA', 'DEFAULT', 'NEEDED', 'REQUEST'],
      ...requests.map((q) => [
        q.name,
        groupDigits(q.default),
        groupDigits(q.needed),
        q.request ? `raise to ${groupDigits(q.request.value)}` : 'not adjustable',
      ]),
    ],
    [false, true, true, false],
  );
  return [
    `Capacity plan at ${plan.growthFactor}x current peak; capacity counts what survives one failure ` +
      `(an AZ of ${plan.hub.availabilityZones.join(', ')}, a DX location, a VPN tunnel).`,
    '',
    'National aggregates',
    ...national,
    '',
    `Lanes (inspection and egress; ${groupDigits(plan.hub.lanes.capacityMbps)} Mbps each with one AZ lost)`,
    ...lanes,
    ...(plan.directConnectGateways.length > 0 ? ['', 'Direct Connect gateways', ...gateways] : []),
    '',
    'Tenant environments',
    ...paths,
    ...(requests.length > 0 ? ['', 'Quota increases to request', ...quotaLines] : []),
    ...laneNotes(plan.hub.lanes).flatMap((n) => ['', n]),
    '',
    summaryLine(plan),
  ].join('\n');
}

export function summaryLine(plan: CapacityPlan, times = 'x'): string {
  if (plan.errors.length > 0) return formatShortfalls(plan.errors);
  if (plan.minimumHeadroom === undefined) return 'No tenants: nothing to size.';
  return `All needs met; minimum headroom ${headroomText(plan.minimumHeadroom)}${times}.`;
}
