import { EstateModel, Tenant } from '../../config/model';
import { needMbps } from './capacity-row';
import { planNational } from './national';
import { planOnPremises } from './on-premises';
import { planTenantPaths } from './tenant-paths';
import { CapacityPlan, CapacityShortfall } from './types';

/**
 * The capacity plan: a pure function of the validated estate and the published limits in
 * ../aws-limits.ts. It never throws for an unmet need; it returns it in `errors`, and
 * `assertCapacity` turns those into one failure so synthesis stops.
 *
 * - Need: growthFactor x currentPeakMbps per tenant, rounded up. Every path a tenant's
 *   traffic can take is sized for the whole need, since any one of them may carry all of it.
 * - Environments: each environment's spoke attachment gets the tenant's full need; the
 *   on-premises link and the national aggregates count each tenant once.
 * - Resilience: capacity counts only what survives the path's failure unit: one AZ for the
 *   per-AZ hub resources and attachments, one location for Direct Connect, one tunnel for VPN
 *   (AWS replaces tunnel endpoints one at a time).
 * - Sizable resources (VPN connections and tunnel size, lanes of inspection and egress, Direct
 *   Connect gateways, DX port speed and LAGs) grow to fit; fixed ones (one lane, one attachment,
 *   the policy cap on VPN, the configured DX locations) fail with a message naming the tenants
 *   that drive the need and the path.
 *
 *   growthFactor 10, RGR peak 800 Mbps on VPN, 3 AZs, 1,000-byte packets ->
 *     spoke-attachment  need 8,000, capacity 120,000 (2 surviving AZs x 7.5 Mpps x 1,000 B), headroom 15
 *     inspection        need 8,000, its lane 120,000 as built (the lane rows check members together)
 *     on-premises       need 8,000, 7 connections, an AZ lost leaves 7 x 1,250 = 8,750, headroom 1.093
 */
export function planCapacity(model: EstateModel): CapacityPlan {
  const { estate } = model;
  const growthFactor = estate.network.growthFactor;
  const hubZones = estate.availabilityZones[estate.homeRegion] ?? [];
  const needOf = (tenant: Tenant) => needMbps(growthFactor, tenant.network.currentPeakMbps);

  const national = planNational(model, needOf, hubZones);
  const onPremises = planOnPremises(model.tenants, needOf, growthFactor, national.directConnectMbpsOf);
  const paths = planTenantPaths(model, needOf, {
    laneMbps: national.lanes.capacityMbps,
    laneOf: national.lanes.laneOf,
    links: onPremises.links,
  });

  const headrooms = [...paths.rows, ...national.rows, ...national.laneRows, ...national.gatewayRows].map(
    (r) => r.headroom,
  );
  const vpn = onPremises.links.flatMap((l) =>
    l.sizing.kind === 'vpn' ? [{ tenant: l.tenant, ...l.sizing }] : [],
  );
  return {
    growthFactor,
    hub: {
      availabilityZones: hubZones,
      lanes: national.lanes,
      directConnect: national.directConnect,
      vpnConnections: Object.fromEntries(vpn.map((v) => [v.tenant, v.connections])),
      vpnTunnelBandwidth: Object.fromEntries(vpn.map((v) => [v.tenant, v.tunnelBandwidth])),
    },
    paths: paths.rows,
    onPremises: onPremises.links,
    national: national.rows,
    lanes: national.laneRows,
    directConnectGateways: national.gatewayRows,
    minimumHeadroom: headrooms.length > 0 ? headrooms.reduce((a, b) => Math.min(a, b)) : undefined,
    // Tenant shortfalls first, in tenant order, then national ones: the order a reader fixes them.
    errors: [...byTenant([...onPremises.errors, ...paths.errors]), ...national.errors],
  };
}

function byTenant(errors: readonly CapacityShortfall[]): CapacityShortfall[] {
  return [...errors].sort((a, b) => (a.tenant ?? '').localeCompare(b.tenant ?? ''));
}
