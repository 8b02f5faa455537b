import { ResourceRecord } from '../assembly/resolver';
import { OutsidePartialAssembly, Unresolvable } from '../assembly/unresolvable';
import { BuildContext } from './context';
import { AttachmentKind } from './types';

const KINDS: Readonly<Record<string, AttachmentKind>> = {
  vpc: 'vpc',
  vpn: 'vpn',
  'direct-connect-gateway': 'direct-connect',
};

interface AttachmentQuery {
  readonly Type: string;
  readonly Owner?: string;
  readonly ResourceId?: string;
}

const alnum = (text: string): string => text.replace(/[^A-Za-z0-9]/g, '');

/**
 * Answers the hub's deploy-time lookups (`Custom::NetworkLookup`, see
 * lib/patterns/network/network-lookup.ts) from the assembly, the way the function does in AWS:
 * an attachment by type plus owner account or attached resource, exactly one match or the
 * deploy fails; a firewall's endpoint in a zone.
 */
export function installNetworkLookup(ctx: BuildContext): void {
  ctx.resolver.customAttribute = (record: ResourceRecord, attribute: string): unknown => {
    if (record.type !== 'Custom::NetworkLookup') return undefined;
    const attachments = (ctx.prop(record, 'Attachments') ?? {}) as Record<string, AttachmentQuery>;
    const query = attachments[attribute];
    if (query) return findAttachment(ctx, ctx.text(record, 'TransitGatewayId'), attribute, query);
    if (attribute.startsWith('Endpoint')) {
      const firewallId = ctx.text(record, 'FirewallArn') ?? '';
      const subnets = (ctx.prop(record, 'FirewallSubnets') ?? {}) as Record<string, string>;
      const zone = Object.keys(subnets).find((z) => `Endpoint${alnum(z)}` === attribute);
      const firewall = ctx.firewalls.get(firewallId);
      // As the function does: the endpoint in the zone's firewall subnet.
      const endpoint =
        zone === undefined ? undefined : firewall?.endpoints.find((e) => e.subnet.id === subnets[zone]);
      if (!endpoint) throw new Unresolvable(`firewall ${firewallId} has no endpoint for ${attribute}`);
      return endpoint.id;
    }
    if (attribute === 'OrganizationArn') return 'arn:aws:organizations::organization';
    return undefined;
  };
}

function findAttachment(
  ctx: BuildContext,
  tgwId: string | undefined,
  key: string,
  query: AttachmentQuery,
): string {
  const tgw = tgwId ? ctx.transitGateways.get(tgwId) : undefined;
  if (!tgw)
    throw new Unresolvable(`lookup ${key}: transit gateway ${tgwId ?? '(none)'} is not in the assembly`);
  const hits = tgw.attachments.filter(
    (a) =>
      a.kind === KINDS[query.Type] &&
      (!query.Owner || a.account === query.Owner) &&
      (!query.ResourceId || a.resource === query.ResourceId),
  );
  const what = `${key} (${query.Type} ${query.Owner ?? query.ResourceId ?? ''})`;
  if (hits.length === 0 && ctx.hints.partialTenant && query.Owner && !ctx.accounts.has(query.Owner)) {
    throw new OutsidePartialAssembly(
      `lookup ${what}: account ${query.Owner} has no stack in this -c tenant=${ctx.hints.partialTenant} assembly`,
    );
  }
  if (hits.length !== 1) {
    throw new Unresolvable(
      hits.length === 0
        ? `lookup ${what}: no attachment in the assembly matches, so the deploy would wait and fail`
        : `lookup ${what}: ${hits.length} attachments match, expected one`,
    );
  }
  return hits[0].id;
}
