import { allEnvironments, EstateModel } from '../../config/model';
import { contains, parseCidr } from '../../net/cidr';
import { LaneRanges } from '../hub/lane-ranges';
import { crossLaneHome, laneAttachmentKey } from './attachments';
import { PRIVATE_RANGES, sortCidrs } from './cidr-sets';
import { segmentOf, TIERED_SEGMENTS, tierOfSegment } from './segments';
import { SHARED_SEGMENTS, tableKey } from './tables';
import { PlanHome, StaticRoutePlan } from './types';

export const DEFAULT_ROUTE = '0.0.0.0/0';

export interface RouteContext {
  readonly laneOf: Readonly<Record<string, number>>;
  readonly ranges: readonly LaneRanges[];
  /** Table keys that exist. */
  readonly tables: ReadonlySet<string>;
  /** The lane where DNS between shared services and the on-premises resolvers is inspected. */
  readonly dnsLane: number;
}

/**
 * Static routes, lane by lane (docs/adr/0024-hub-lanes.md). Propagation fills the
 * post-inspection tables; everything else is static:
 *
 * - every source table of lane k: 0.0.0.0/0 -> lane k's inspection, and lane k's inspection VPC
 *   blackholed (the attachment would deliver it by the VPC's local route before the firewall);
 *   the shared tables (shared-services, on-premises) do the same with lane 1;
 * - post-inspection of lane k: 0.0.0.0/0 -> lane k's egress, and the estate's private ranges
 *   blackholed so an address nobody propagates dies at the Transit Gateway;
 * - tier isolation: each environment's CIDR is blackholed in its lane's tables of the other
 *   tier, and every national prod CIDR in every lane's tenants-nonprod, so prod and nonprod
 *   cannot meet even through a firewall that passed everything;
 * - return routes: each environment outside lane 1 is routed back to its lane's inspection from
 *   the shared tables (replies from shared services, the internet, on-premises), and each prod
 *   environment from every national-services table of another lane;
 * - DNS: when the on-premises resolvers' tenant is outside lane 1, the resolvers and the
 *   shared-services range are routed to that lane's inspection from the two shared tables.
 *
 *   RGR prod 10.64.0.0/21 in lane 2 -> blackhole in tenants-nonprod@2; 10.64.0.0/21 -> InspectionLane02
 *     in shared-services (and on-premises when RGR has a link); in national-services if X24 is in lane 1
 */
export function planRoutes(model: EstateModel, context: RouteContext): StaticRoutePlan[] {
  const { estate } = model;
  const routes: StaticRoutePlan[] = [];
  const inspection = (lane: number) => ({ attachment: laneAttachmentKey('inspection', lane) });
  const laneHome = (lane: number): PlanHome => (lane === 1 ? { stack: 'hub' } : { stack: 'lane', lane });

  for (const { lane, inspection: inspectionCidr } of context.ranges) {
    const sources = [
      ...TIERED_SEGMENTS.map((s) => tableKey(s, lane)).filter((t) => context.tables.has(t)),
      ...(lane === 1 ? SHARED_SEGMENTS : []),
    ];
    for (const segment of sources) {
      routes.push(
        {
          segment,
          destination: DEFAULT_ROUTE,
          target: inspection(lane),
          home: laneHome(lane),
          reason: 'everything leaving this segment is inspected first',
        },
        {
          segment,
          destination: inspectionCidr,
          target: 'blackhole',
          home: laneHome(lane),
          reason: 'the inspection VPC is reached only by the firewall, never as a destination',
        },
      );
    }
    const post = tableKey('post-inspection', lane);
    routes.push({
      segment: post,
      destination: DEFAULT_ROUTE,
      target: { attachment: laneAttachmentKey('egress', lane) },
      home: laneHome(lane),
      reason: 'inspected internet traffic leaves through the egress VPC of the lane',
    });
    for (const destination of privateRanges(model)) {
      routes.push({
        segment: post,
        destination,
        target: 'blackhole',
        home: laneHome(lane),
        reason: 'private addresses nobody propagates never go to the internet',
      });
    }
  }

  if (context.dnsLane !== 1) {
    const home = laneHome(context.dnsLane);
    const target = inspection(context.dnsLane);
    const reason =
      'DNS with the on-premises resolvers is inspected in the lane of the tenant that holds them';
    for (const ip of estate.network.dns.onPremisesResolvers)
      routes.push({ segment: 'shared-services', destination: `${ip}/32`, target, home, reason });
    routes.push({
      segment: 'on-premises',
      destination: estate.network.hub.sharedServices,
      target,
      home,
      reason,
    });
  }

  const lanes = context.ranges.map((r) => r.lane);
  const nationalTables = lanes.filter(
    (l) => context.tables.has(tableKey('national-services', l)) && hasNational(model, context, l),
  );
  for (const env of allEnvironments(model)) {
    const tenant = env.tenant.odsCode;
    const lane = context.laneOf[tenant] ?? 1;
    const segment = segmentOf(env);
    const own = tierOfSegment(segment);
    const shard: PlanHome = { stack: 'shard', tenant };
    for (const other of TIERED_SEGMENTS.filter((s) => tierOfSegment(s) !== own)) {
      const table = tableKey(other, lane);
      if (!context.tables.has(table)) continue;
      routes.push({
        segment: table,
        destination: env.cidr,
        target: 'blackhole',
        tenant,
        home: shard,
        reason: `${tenant} ${env.name} is ${env.tier}: never reachable from the other tier`,
      });
    }
    if (segment === 'national-services') {
      for (const l of lanes.filter((x) => x !== lane)) {
        const table = tableKey('tenants-nonprod', l);
        if (!context.tables.has(table)) continue;
        routes.push({
          segment: table,
          destination: env.cidr,
          target: 'blackhole',
          tenant,
          home: crossLaneHome(table, lane),
          reason: `${tenant} ${env.name} is a national service reachable from every lane, but never from nonprod`,
        });
      }
    }
    const returns: PlanHome = { stack: 'returns', tenant };
    const back = (table: string, why: string) =>
      routes.push({
        segment: table,
        destination: env.cidr,
        target: inspection(lane),
        tenant,
        home: returns,
        reason: why,
      });
    if (lane !== 1) {
      back(
        'shared-services',
        `replies to ${tenant} ${env.name} from shared services and the internet return through its lane`,
      );
      if (env.tenant.network.onPremises)
        back('on-premises', `traffic from on-premises to ${tenant} ${env.name} is inspected in its lane`);
    }
    if (segment === 'tenants-prod') {
      for (const l of nationalTables.filter((x) => x !== lane))
        back(
          tableKey('national-services', l),
          `replies from national services to ${tenant} ${env.name} return through its lane`,
        );
    }
  }
  return routes;
}

function hasNational(model: EstateModel, context: RouteContext, lane: number): boolean {
  return allEnvironments(model).some(
    (env) => segmentOf(env) === 'national-services' && (context.laneOf[env.tenant.odsCode] ?? 1) === lane,
  );
}

/**
 * What post-inspection blackholes: RFC 1918 plus the estate's own ranges outside it (the tenant
 * supernet and hub ranges), so no tenant address can leave through NAT and come back in.
 */
function privateRanges(model: EstateModel): string[] {
  const { network } = model.estate;
  const privates = PRIVATE_RANGES.map(parseCidr);
  const own = [network.tenantSupernet, ...Object.values(network.hub).filter((r): r is string => !!r)];
  return sortCidrs([
    ...PRIVATE_RANGES,
    ...own.filter((r) => !privates.some((p) => contains(p, parseCidr(r)))),
  ]);
}
