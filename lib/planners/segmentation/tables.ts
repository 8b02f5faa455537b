import { allEnvironments, EstateModel } from '../../config/model';
import { SEGMENTS, SegmentName } from '../../config/schema/segmentation-schema';
import { segmentOf, TenantSegment } from './segments';
import { RouteTablePlan, TableKey } from './types';

/** Tables every lane shares; they exist once, with lane 1's names. */
export const SHARED_SEGMENTS: readonly SegmentName[] = ['shared-services', 'on-premises'];

/** `tenants-prod` in lane 1, `tenants-prod@3` in lane 3; shared tables always lane 1's. */
export function tableKey(segment: SegmentName, lane: number): TableKey {
  return lane === 1 || SHARED_SEGMENTS.includes(segment) ? segment : `${segment}@${lane}`;
}

/** The lane a table key belongs to. */
export function laneOfTable(key: TableKey): number {
  const at = key.indexOf('@');
  return at < 0 ? 1 : Number(key.slice(at + 1));
}

/** The segment a table key carries. */
export function segmentOfTable(key: TableKey): SegmentName {
  const at = key.indexOf('@');
  return (at < 0 ? key : key.slice(0, at)) as SegmentName;
}

/**
 * Every route table the hub builds. Lane 1 keeps the six tables of the single-lane hub (two
 * of them, shared-services and on-premises, serve every lane); each further lane has a
 * post-inspection table and a table for each tenant segment its members' environments join.
 *
 *   2 lanes, lane 2 with local prod and nonprod -> lane 1's six, tenants-prod@2,
 *   tenants-nonprod@2, post-inspection@2
 */
export function planTables(
  model: EstateModel,
  laneOf: Readonly<Record<string, number>>,
  lanes: number,
): RouteTablePlan[] {
  const used = new Set<string>();
  for (const env of allEnvironments(model)) {
    const lane = laneOf[env.tenant.odsCode] ?? 1;
    used.add(tableKey(segmentOf(env), lane));
  }
  const tables: RouteTablePlan[] = SEGMENTS.map((segment) => ({ key: segment, segment, lane: 1 }));
  for (let lane = 2; lane <= lanes; lane++) {
    for (const segment of [...TENANT_SEGMENTS, 'post-inspection'] as const) {
      const key = tableKey(segment, lane);
      if (segment === 'post-inspection' || used.has(key)) tables.push({ key, segment, lane });
    }
  }
  return tables;
}

const TENANT_SEGMENTS: readonly TenantSegment[] = ['national-services', 'tenants-prod', 'tenants-nonprod'];
