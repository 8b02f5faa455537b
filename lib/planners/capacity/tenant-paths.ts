import { allEnvironments, EstateModel, Tenant, TenantEnvironment } from '../../config/model';
import { planSpokeSubnets } from '../spoke-subnets';
import { capacityRow, isMet, mbps } from './capacity-row';
import { attachmentCapacity } from './lanes';
import { CapacityShortfall, OnPremisesLink, TenantPath, TenantPathRow } from './types';

export interface SharedCapacity {
  /** What one lane carries, as built (inspection and egress alike). */
  readonly laneMbps: number;
  readonly laneOf: Readonly<Record<string, number>>;
  readonly links: readonly OnPremisesLink[];
}

export interface TenantPathsPlan {
  readonly rows: readonly TenantPathRow[];
  readonly errors: readonly CapacityShortfall[];
}

/**
 * One row per environment and path. Each environment is sized for its tenant's full need,
 * because any environment may be the busy one. The spoke attachment is the environment's
 * own; inspection and egress NAT show the capacity of the tenant's lane as built (shared with
 * its members: the lane rows check them together), on-premises the tenant's link.
 */
export function planTenantPaths(
  model: EstateModel,
  needOf: (tenant: Tenant) => number,
  shared: SharedCapacity,
): TenantPathsPlan {
  const linkOf = new Map(shared.links.map((link) => [link.tenant, link]));
  const errors: CapacityShortfall[] = [];
  const rows = allEnvironments(model).flatMap((env) => {
    const need = needOf(env.tenant);
    const spoke = spokeRow(
      env,
      need,
      model.estate.availabilityZones[env.region] ?? [],
      model.estate.network.averagePacketBytes,
    );
    if (!isMet(spoke)) errors.push(spokeShortfall(spoke, env, model.estate.network.growthFactor));
    const lane = shared.laneOf[env.tenant.odsCode];
    const inLane = lane === undefined ? {} : { lane };
    const laneMbps = lane === undefined ? 0 : shared.laneMbps;
    const out: TenantPathRow[] = [
      spoke,
      { ...where(env, 'inspection'), ...capacityRow(need, laneMbps), ...inLane },
      { ...where(env, 'egress-nat'), ...capacityRow(need, laneMbps), ...inLane },
    ];
    const link = linkOf.get(env.tenant.odsCode);
    if (link)
      out.push({
        ...where(env, 'on-premises'),
        ...capacityRow(need, link.capacityMbps),
        sizing: link.sizing,
      });
    return out;
  });
  return { rows, errors };
}

function where(env: TenantEnvironment, path: TenantPath) {
  return { tenant: env.tenant.odsCode, environment: env.name, path };
}

/** A spoke is attached in each AZ of its subnet plan, and may lose one; packet rate counts too. */
function spokeRow(
  env: TenantEnvironment,
  need: number,
  regionZones: readonly string[],
  averagePacketBytes: number,
): TenantPathRow {
  const zones = planSpokeSubnets(env.cidr, regionZones).transit.map((s) => s.availabilityZone);
  return {
    ...where(env, 'spoke-attachment'),
    ...capacityRow(need, attachmentCapacity(zones, averagePacketBytes)),
  };
}

function spokeShortfall(row: TenantPathRow, env: TenantEnvironment, growthFactor: number): CapacityShortfall {
  return {
    tenant: row.tenant,
    environment: row.environment,
    path: 'spoke-attachment',
    message:
      `${row.tenant} ${row.environment} spoke-attachment: needs ${mbps(row.needMbps)} ` +
      `(${growthFactor} x ${mbps(env.tenant.network.currentPeakMbps)} peak) but a VPC attachment carries ` +
      `${mbps(row.capacityMbps)} with one AZ lost; spread the workload over more environments (each its own VPC)`,
  };
}
