import { allEnvironments, EstateModel } from '../../config/model';
import { HUB_ATTACHMENT_KEYS } from './attachments';
import { PRIVATE_RANGES } from './cidr-sets';
import { INSPECTED_SEGMENTS, segmentOf, TIERED_SEGMENTS, tierOfSegment } from './segments';
import { StaticRoutePlan } from './types';

export const DEFAULT_ROUTE = '0.0.0.0/0';

/**
 * Static routes. Propagation fills post-inspection; everything else is static:
 *
 * - every source segment: 0.0.0.0/0 -> inspection, so no two segments, the internet or
 *   on-premises meet without passing the firewall;
 * - every source segment: the inspection VPC's own range blackholed, since the inspection
 *   attachment would deliver it by the VPC's local route before the firewall sees it;
 * - post-inspection: 0.0.0.0/0 -> egress, and RFC 1918 blackholed so a private address
 *   nobody propagates dies at the Transit Gateway instead of leaving through NAT;
 * - tier isolation: each environment's CIDR is blackholed in the other tier's tables, so prod
 *   and nonprod cannot reach each other even if a firewall rule were wrong (defence in depth).
 *
 *   RGR prod 10.64.0.0/21   -> blackhole in tenants-nonprod
 *   RGR nonprod 10.64.8.0/21 -> blackhole in tenants-prod and national-services
 */
export function planRoutes(model: EstateModel): StaticRoutePlan[] {
  const inspection = { attachment: HUB_ATTACHMENT_KEYS.inspection };
  const hub: StaticRoutePlan[] = [
    ...INSPECTED_SEGMENTS.map((segment) => ({
      segment,
      destination: DEFAULT_ROUTE,
      target: inspection,
      reason: 'everything leaving this segment is inspected first',
    })),
    ...INSPECTED_SEGMENTS.map((segment) => ({
      segment,
      destination: model.estate.network.hub.inspection,
      target: 'blackhole' as const,
      reason: 'the inspection VPC is reached only by the firewall, never as a destination',
    })),
    {
      segment: 'post-inspection',
      destination: DEFAULT_ROUTE,
      target: { attachment: HUB_ATTACHMENT_KEYS.egress },
      reason: 'inspected internet traffic leaves through the egress VPC',
    },
    ...PRIVATE_RANGES.map((destination): StaticRoutePlan => ({
      segment: 'post-inspection',
      destination,
      target: 'blackhole',
      reason: 'private addresses nobody propagates never go to the internet',
    })),
  ];
  const tiers = allEnvironments(model).flatMap((env) => {
    const own = tierOfSegment(segmentOf(env));
    return TIERED_SEGMENTS.filter((segment) => tierOfSegment(segment) !== own).map(
      (segment): StaticRoutePlan => ({
        segment,
        destination: env.cidr,
        target: 'blackhole',
        tenant: env.tenant.odsCode,
        reason: `${env.tenant.odsCode} ${env.name} is ${env.tier}: never reachable from the other tier`,
      }),
    );
  });
  return [...hub, ...tiers];
}
