import { groupDigits } from '../planners/capacity/capacity-row';
import { formatShortfalls } from '../planners/capacity/assert-capacity';
import { CapacityPlan } from '../planners/capacity/types';
import { alignColumns } from './columns';
import { headroomText, nationalSizingText, onPremisesText } from './describe';

/**
 * The terminal table: national aggregates first (they bind first), then one line per tenant
 * environment and path, so `grep RGR` shows a tenant's whole picture.
 */
export function formatCapacityText(plan: CapacityPlan): string {
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
  const paths = alignColumns(
    [
      ['TENANT', 'ENVIRONMENT', 'PATH', 'NEED Mbps', 'CAPACITY Mbps', 'HEADROOM', 'SIZING'],
      ...plan.paths.map((r) => [
        r.tenant,
        r.environment,
        r.path,
        groupDigits(r.needMbps),
        groupDigits(r.capacityMbps),
        `${headroomText(r.headroom)}x`,
        r.sizing ? onPremisesText(r.sizing) : '',
      ]),
    ],
    [false, false, false, true, true, true, false],
  );
  return [
    `Capacity plan at ${plan.growthFactor}x current peak; capacity counts what survives one failure ` +
      `(an AZ of ${plan.hub.availabilityZones.join(', ')}, a DX location, a VPN tunnel).`,
    '',
    'National aggregates',
    ...national,
    '',
    'Tenant environments',
    ...paths,
    '',
    summaryLine(plan),
  ].join('\n');
}

export function summaryLine(plan: CapacityPlan, times = 'x'): string {
  if (plan.errors.length > 0) return formatShortfalls(plan.errors);
  if (plan.minimumHeadroom === undefined) return 'No tenants: nothing to size.';
  return `All needs met; minimum headroom ${headroomText(plan.minimumHeadroom)}${times}.`;
}
