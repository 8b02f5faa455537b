import { PrefixMap } from '../sets/prefix-map';
import { AttachmentKind, RouteTable, TgwAttachment, TgwRoute, TgwRouteTable, VpcRoute } from '../model/types';

/** Most specific first; for equal prefixes local beats everything, as in AWS. */
export function vpcRouteMap(table: RouteTable): PrefixMap<VpcRoute> {
  if (!table.map) {
    const byCidr = new Map<string, VpcRoute>();
    for (const route of table.routes) {
      const existing = byCidr.get(route.destination);
      if (!existing || route.target.kind === 'local') byCidr.set(route.destination, route);
    }
    table.map = new PrefixMap([...byCidr]);
  }
  return table.map;
}

/** Static routes beat propagated ones; among propagated, VPC beats Direct Connect beats VPN. */
const PROPAGATION_RANK: Readonly<Record<AttachmentKind, number>> = {
  vpc: 0,
  'direct-connect': 1,
  vpn: 2,
  peering: 3,
};

export function tgwRouteMap(table: TgwRouteTable): PrefixMap<TgwRoute> {
  if (!table.map) {
    const byCidr = new Map<string, TgwRoute>();
    for (const route of table.routes)
      if (!byCidr.has(route.destination)) byCidr.set(route.destination, route);
    for (const attachment of table.propagations) {
      for (const destination of attachment.prefixCidrs) {
        const existing = byCidr.get(destination);
        const better =
          !existing ||
          (existing.kind === 'propagated' &&
            PROPAGATION_RANK[attachment.kind] < PROPAGATION_RANK[existing.target!.kind]);
        if (better) {
          byCidr.set(destination, {
            destination,
            target: attachment,
            kind: 'propagated',
            origin: `propagated from ${attachment.label}`,
          });
        }
      }
    }
    table.map = new PrefixMap([...byCidr]);
  }
  return table.map;
}

export const BLACKHOLE = 'blackhole';
export type TgwTarget = TgwAttachment | typeof BLACKHOLE;

interface TargetMap {
  readonly map: PrefixMap<TgwTarget>;
  readonly routes: Map<TgwTarget, TgwRoute[]>;
}

const TARGET_MAPS = new WeakMap<TgwRouteTable, TargetMap>();

/**
 * The same lookup keyed by where a route sends traffic rather than by route: hundreds of
 * blackholes (one per CIDR of the other tier) then split a destination set in two, not in
 * hundreds. The routes behind each target are kept to name them in witnesses.
 */
export function tgwTargetMap(table: TgwRouteTable): TargetMap {
  let found = TARGET_MAPS.get(table);
  if (!found) {
    const routes = new Map<TgwTarget, TgwRoute[]>();
    const entries: [string, TgwTarget][] = [];
    for (const route of winningRoutes(table)) {
      const target = route.target ?? BLACKHOLE;
      entries.push([route.destination, target]);
      routes.set(target, [...(routes.get(target) ?? []), route]);
    }
    found = { map: new PrefixMap(entries), routes };
    TARGET_MAPS.set(table, found);
  }
  return found;
}

function winningRoutes(table: TgwRouteTable): TgwRoute[] {
  const map = tgwRouteMap(table);
  return [...new Set([...map.partition([[0, 2 ** 32 - 1]]).keys()])].filter(
    (r): r is TgwRoute => r !== undefined,
  );
}
