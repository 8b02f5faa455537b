import { TgwRoute, VpcRoute } from '../model/types';
import { BLACKHOLE, TgwTarget } from './tables';

/** A route's target in words, for witnesses. */
export function targetText(route: VpcRoute): string {
  const t = route.target;
  switch (t.kind) {
    case 'local':
      return 'local';
    case 'internet-gateway':
      return `internet gateway ${t.gateway.label}`;
    case 'nat-gateway':
      return `NAT gateway ${t.nat.label}`;
    case 'transit-gateway':
      return `transit gateway ${t.tgw.label}`;
    case 'peering':
      return `peering ${t.peering.label}`;
    case 'firewall':
      return `firewall endpoint ${t.endpoint.firewall.label} [${t.endpoint.az}]`;
    case 'gateway-endpoint':
    case 'opaque':
      return t.label;
    case 'unresolved':
      return `unresolved (${t.reason})`;
  }
}

/** `10.64.120.0/21 -> attachment (propagated)`; several routes to one target are counted. */
export function routeText(routes: readonly TgwRoute[], target: TgwTarget): string {
  const name = target === BLACKHOLE ? 'blackhole' : target.label;
  const [first] = routes;
  if (!first) return `-> ${name}`;
  const more = routes.length > 1 ? ` and ${routes.length - 1} more` : '';
  return `${first.destination}${more} -> ${name} (${first.kind})`;
}
