import { EstateModel, Tenant } from '../../config/model';
import { FIREWALL_ENDPOINT_MBPS, NAT_GATEWAY_MBPS, TGW_ATTACHMENT_MBPS_PER_AZ } from '../aws-limits';
import { capacityRow, mbps } from './capacity-row';
import { sizeDirectConnect } from './direct-connect';
import { builtLaneCapacity, HUB_LANES_PER_AZ, LanePlan, sizeLanes, survivingAzs } from './lanes';
import { CapacityShortfall, DirectConnectSizing, NationalRow } from './types';

export interface NationalPlan {
  readonly rows: readonly NationalRow[];
  readonly errors: readonly CapacityShortfall[];
  readonly firewall: LanePlan;
  readonly nat: LanePlan;
  /** Absent when no tenant uses Direct Connect. */
  readonly directConnect?: DirectConnectSizing;
  /** What the Direct Connect path carries: the smaller of the ports and the DX gateway attachment. */
  readonly directConnectMbps: number;
}

/**
 * The hub-wide aggregates. Every tenant's need passes inspection and, at worst, egress NAT;
 * only Direct Connect tenants cross the DX ports and the DX gateway attachment. Each tenant
 * counts once, and peaks are summed as if they coincide (over-sizing, never under-sizing).
 */
export function planNational(
  model: EstateModel,
  needOf: (tenant: Tenant) => number,
  hubZones: readonly string[],
): NationalPlan {
  const totalNeed = sum(model.tenants.map(needOf));
  const firewall = sizeLanes(totalNeed, FIREWALL_ENDPOINT_MBPS, hubZones);
  const nat = sizeLanes(totalNeed, NAT_GATEWAY_MBPS, hubZones);
  const rows: NationalRow[] = [];
  const errors: CapacityShortfall[] = [];
  if (model.tenants.length > 0) {
    const lanes = [
      ['firewall-endpoints', firewall, 'inspection'],
      ['nat-gateways', nat, 'egress'],
    ] as const;
    for (const [path, lane, name] of lanes) {
      const built = builtLaneCapacity(lane);
      rows.push({ path, ...capacityRow(totalNeed, built), sizing: lane.sizing });
      if (lane.sizing.perAz > HUB_LANES_PER_AZ) {
        errors.push({
          path,
          message:
            `${path}: needs ${lane.sizing.perAz} ${name} lanes per AZ for ${mbps(totalNeed)}, but the hub builds ` +
            `${HUB_LANES_PER_AZ} (${mbps(built)} with one AZ lost); more lanes need their own segments, ` +
            'see docs/network.md, "Capacity plan"',
        });
      }
    }
  }

  const dxTenants = model.tenants.filter((t) => t.network.onPremises?.connection === 'directConnect');
  if (dxTenants.length === 0) return { rows, errors, firewall, nat, directConnectMbps: 0 };

  const dxNeed = sum(dxTenants.map(needOf));
  const dx = sizeDirectConnect(dxNeed, model.estate.network.directConnect?.locations ?? []);
  const attachmentMbps = TGW_ATTACHMENT_MBPS_PER_AZ * survivingAzs(hubZones);
  rows.push({ path: 'dx-ports', ...capacityRow(dxNeed, dx.capacityMbps), sizing: dx.sizing });
  rows.push({
    path: 'dx-gateway-attachment',
    ...capacityRow(dxNeed, attachmentMbps),
    sizing: { kind: 'attachment', availabilityZones: hubZones },
  });
  const largest = largestFirst(dxTenants, needOf);
  if (dx.problem) errors.push({ path: 'dx-ports', message: `dx-ports: ${dx.problem} (${largest})` });
  if (attachmentMbps < dxNeed) {
    errors.push({
      path: 'dx-gateway-attachment',
      message:
        `dx-gateway-attachment: needs ${mbps(dxNeed)} for the Direct Connect tenants (${largest}) but one ` +
        `Direct Connect gateway attachment carries ${mbps(attachmentMbps)} with one of ${hubZones.length} AZs lost; ` +
        'the hub needs a second Direct Connect gateway attachment',
    });
  }
  return {
    rows,
    errors,
    firewall,
    nat,
    directConnect: dx.sizing,
    directConnectMbps: Math.min(dx.capacityMbps, attachmentMbps),
  };
}

/** "RW3 50,000 Mbps, X24 50,000 Mbps, RJ7 20,000 Mbps": who drives an aggregate. */
function largestFirst(tenants: readonly Tenant[], needOf: (t: Tenant) => number): string {
  const top = [...tenants].sort((a, b) => needOf(b) - needOf(a) || a.odsCode.localeCompare(b.odsCode));
  const named = top.slice(0, 3).map((t) => `${t.odsCode} ${mbps(needOf(t))}`);
  return top.length > 3 ? `largest: ${named.join(', ')} of ${top.length} tenants` : named.join(', ');
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
