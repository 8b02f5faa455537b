import {
  FixtureAccountSettings,
  FixtureAttachment,
  FixtureRegion,
  FixtureRoute,
  FixtureRouteTable,
  FixtureTransitGateway,
  FixtureVpc,
  FixtureVpnConnection,
  FixtureZone,
} from './types';
import { zoneIdPrefix } from '../../../lib/config/zone-ids';
import {
  applyFilters,
  Ec2Fault,
  el,
  FilterTable,
  indexedList,
  pageOf,
  Params,
  requireParam,
  set,
  tagSet,
} from './query';
import { SECURITY_GROUP_ACTIONS, SecurityGroupState } from './security-group-actions';

/** A region's zones: the fixture's, or three whose names and IDs do not line up. */
function zonesOf(region: FixtureRegion): readonly FixtureZone[] {
  if (region.zones) return region.zones;
  const prefix = zoneIdPrefix(region.name) ?? region.name;
  return [
    { name: `${region.name}a`, id: `${prefix}-az2` },
    { name: `${region.name}b`, id: `${prefix}-az1` },
    { name: `${region.name}c`, id: `${prefix}-az3` },
  ];
}

/** The server's mutable world: fixture lists plus account settings that modifying calls change. */
export interface ServerState {
  readonly regions: readonly FixtureRegion[];
  readonly vpcs: readonly FixtureVpc[];
  readonly transitGateways: readonly FixtureTransitGateway[];
  /** Not readonly: `Ec2QueryServer.addAttachments` adds to it while a test runs. */
  attachments: readonly FixtureAttachment[];
  readonly routeTables: readonly FixtureRouteTable[];
  readonly vpnConnections: readonly FixtureVpnConnection[];
  readonly securityGroups: readonly SecurityGroupState[];
  readonly account: FixtureAccountSettings;
  readonly pageSize: number;
}

/** An action turns the request's fields into the XML inside `<XResponse>`. */
export type Action = (params: Params, state: ServerState) => string;

/** A paged Describe/Get: filter, cut one page, render it with the `nextToken`. */
function paged<T>(
  setName: string,
  itemsOf: (params: Params, state: ServerState) => readonly T[],
  filters: FilterTable<T>,
  itemXml: (item: T) => string,
): Action {
  return (params, state) => {
    const { page, nextToken } = pageOf(
      params,
      applyFilters(params, itemsOf(params, state), filters),
      state.pageSize,
    );
    return set(setName, page, itemXml) + el('nextToken', nextToken);
  };
}

const vpcXml = (v: FixtureVpc) =>
  el('vpcId', v.id) +
  el('ownerId', v.ownerId) +
  el('state', 'available') +
  el('cidrBlock', v.cidr) +
  set(
    'cidrBlockAssociationSet',
    [v.cidr, ...(v.extraCidrs ?? [])],
    (c) => el('cidrBlock', c) + '<cidrBlockState><state>associated</state></cidrBlockState>',
  ) +
  el('isDefault', v.isDefault ?? false) +
  tagSet(v.name);

const tgwXml = (t: FixtureTransitGateway) =>
  el('transitGatewayId', t.id) +
  el('transitGatewayArn', `arn:aws:ec2:eu-west-2:${t.ownerId}:transit-gateway/${t.id}`) +
  el('state', t.state ?? 'available') +
  el('ownerId', t.ownerId) +
  tagSet(t.name);

const attachmentXml = (a: FixtureAttachment) =>
  el('transitGatewayAttachmentId', a.id) +
  el('transitGatewayId', a.transitGatewayId) +
  el('resourceType', a.resourceType ?? 'vpc') +
  el('resourceId', a.resourceId) +
  el('resourceOwnerId', a.resourceOwnerId) +
  el('state', a.state ?? 'available') +
  tagSet(a.name);

const vpnConnectionXml = (v: FixtureVpnConnection) =>
  el('vpnConnectionId', v.id) +
  el('type', 'ipsec.1') +
  el('transitGatewayId', v.transitGatewayId) +
  el('state', v.state ?? 'available') +
  tagSet(v.name);

const routeTableXml = (r: FixtureRouteTable) =>
  el('transitGatewayRouteTableId', r.id) +
  el('transitGatewayId', r.transitGatewayId) +
  el('state', r.state ?? 'available') +
  el('defaultAssociationRouteTable', false) +
  el('defaultPropagationRouteTable', false) +
  tagSet(r.name);

function routeTableOf(params: Params, state: ServerState): FixtureRouteTable {
  const id = requireParam(params, 'TransitGatewayRouteTableId');
  const table = state.routeTables.find((t) => t.id === id);
  if (!table)
    throw new Ec2Fault(
      'InvalidRouteTableID.NotFound',
      `The transitGatewayRouteTable ID '${id}' does not exist.`,
    );
  return table;
}

/** Associations and propagations share a shape: the attachment plus what it connects. */
function linkXml(state: ServerState, linkState: string) {
  return (attachmentId: string) => {
    const a = state.attachments.find((x) => x.id === attachmentId);
    return (
      el('transitGatewayAttachmentId', attachmentId) +
      el('resourceId', a?.resourceId) +
      el('resourceType', a?.resourceType ?? 'vpc') +
      el('state', linkState)
    );
  };
}

type Link = { readonly id: string };

function links(kind: 'associations' | 'propagations', setName: string, linkState: string): Action {
  return (params, state) => {
    const table = routeTableOf(params, state);
    const items: Link[] = (table[kind] ?? []).map((id) => ({ id }));
    const filters: FilterTable<Link> = { 'transit-gateway-attachment-id': (l) => [l.id] };
    const { page, nextToken } = pageOf(params, applyFilters(params, items, filters), state.pageSize);
    return set(setName, page, (l) => linkXml(state, linkState)(l.id)) + el('nextToken', nextToken);
  };
}

const routeXml = (r: FixtureRoute) =>
  el('destinationCidrBlock', r.cidr) +
  set('transitGatewayAttachments', r.attachmentIds ?? [], (id) => el('transitGatewayAttachmentId', id)) +
  el('type', r.type) +
  el('state', r.state ?? 'active');

export const ACTIONS: Record<string, Action> = {
  ...SECURITY_GROUP_ACTIONS,
  DescribeRegions: (params, state) => {
    const enabled = (r: FixtureRegion) => r.optInStatus !== 'not-opted-in';
    const names = indexedList(params, 'RegionName');
    const candidates = state.regions.filter(
      (r) => (params.AllRegions === 'true' || enabled(r)) && (names.length === 0 || names.includes(r.name)),
    );
    const regions = applyFilters(params, candidates, {
      'region-name': (r) => [r.name],
      'opt-in-status': (r) => [r.optInStatus],
    });
    return set(
      'regionInfo',
      regions,
      (r) =>
        el('regionName', r.name) +
        el('regionEndpoint', `ec2.${r.name}.amazonaws.com`) +
        el('optInStatus', r.optInStatus),
    );
  },

  DescribeAvailabilityZones: (params, state) => {
    const zones = state.regions.flatMap((r) => zonesOf(r).map((z) => ({ ...z, region: r.name })));
    const matching = applyFilters(params, zones, {
      'region-name': (z) => [z.region],
      'zone-id': (z) => [z.id],
      'zone-type': () => ['availability-zone'],
      state: (z) => [z.state ?? 'available'],
    });
    return set(
      'availabilityZoneInfo',
      matching,
      (z) =>
        el('zoneName', z.name) +
        el('zoneId', z.id) +
        el('zoneState', z.state ?? 'available') +
        el('regionName', z.region) +
        el('zoneType', 'availability-zone'),
    );
  },

  DescribeVpcs: paged(
    'vpcSet',
    (_, s) => s.vpcs,
    {
      'vpc-id': (v) => [v.id],
      'owner-id': (v) => [v.ownerId],
      'is-default': (v) => [String(v.isDefault ?? false)],
      'cidr-block-association.cidr-block': (v) => [v.cidr, ...(v.extraCidrs ?? [])],
    },
    vpcXml,
  ),

  DescribeTransitGateways: paged(
    'transitGatewaySet',
    (params, s) => {
      const ids = indexedList(params, 'TransitGatewayIds');
      const missing = ids.find((id) => !s.transitGateways.some((t) => t.id === id));
      if (missing) {
        throw new Ec2Fault(
          'InvalidTransitGatewayID.NotFound',
          `Transit Gateway ${missing} was deleted or does not exist.`,
        );
      }
      return ids.length ? s.transitGateways.filter((t) => ids.includes(t.id)) : s.transitGateways;
    },
    {
      'owner-id': (t) => [t.ownerId],
      'transit-gateway-id': (t) => [t.id],
      state: (t) => [t.state ?? 'available'],
    },
    tgwXml,
  ),

  DescribeTransitGatewayAttachments: paged(
    'transitGatewayAttachments',
    (_, s) => s.attachments,
    {
      'transit-gateway-id': (a) => [a.transitGatewayId],
      'transit-gateway-attachment-id': (a) => [a.id],
      'resource-type': (a) => [a.resourceType ?? 'vpc'],
      'resource-id': (a) => [a.resourceId],
      'resource-owner-id': (a) => [a.resourceOwnerId],
      state: (a) => [a.state ?? 'available'],
    },
    attachmentXml,
  ),

  DescribeTransitGatewayRouteTables: paged(
    'transitGatewayRouteTables',
    (_, s) => s.routeTables,
    {
      'transit-gateway-id': (r) => [r.transitGatewayId],
      'transit-gateway-route-table-id': (r) => [r.id],
      state: (r) => [r.state ?? 'available'],
    },
    routeTableXml,
  ),

  // Not paged: EC2 returns every VPN connection in one response.
  DescribeVpnConnections: (params, state) => {
    const ids = indexedList(params, 'VpnConnectionId');
    const connections = applyFilters(
      params,
      ids.length ? state.vpnConnections.filter((v) => ids.includes(v.id)) : state.vpnConnections,
      {
        'vpn-connection-id': (v) => [v.id],
        'transit-gateway-id': (v) => [v.transitGatewayId],
        state: (v) => [v.state ?? 'available'],
      },
    );
    return set('vpnConnectionSet', connections, vpnConnectionXml);
  },

  GetTransitGatewayRouteTableAssociations: links('associations', 'associations', 'associated'),
  GetTransitGatewayRouteTablePropagations: links(
    'propagations',
    'transitGatewayRouteTablePropagations',
    'enabled',
  ),

  SearchTransitGatewayRoutes: (params, state) => {
    const table = routeTableOf(params, state);
    requireParam(params, 'Filter.1.Name');
    const routes = applyFilters(params, table.routes ?? [], {
      type: (r) => [r.type],
      state: (r) => [r.state ?? 'active'],
      'route-search.exact-match': (r) => [r.cidr],
      'attachment.transit-gateway-attachment-id': (r) => [...(r.attachmentIds ?? [])],
    });
    const { page, nextToken } = pageOf(params, routes, state.pageSize);
    return (
      set('routeSet', page, routeXml) +
      el('additionalRoutesAvailable', nextToken !== undefined) +
      el('nextToken', nextToken)
    );
  },

  GetEbsEncryptionByDefault: (_, s) =>
    el('ebsEncryptionByDefault', s.account.ebsEncryptionByDefault) + el('sseType', 'sse-ebs'),
  EnableEbsEncryptionByDefault: (_, s) => {
    s.account.ebsEncryptionByDefault = true;
    return el('ebsEncryptionByDefault', true);
  },
  GetEbsDefaultKmsKeyId: (_, s) => el('kmsKeyId', s.account.ebsDefaultKmsKeyId),
  ModifyEbsDefaultKmsKeyId: (params, s) => {
    s.account.ebsDefaultKmsKeyId = requireParam(params, 'KmsKeyId');
    return el('kmsKeyId', s.account.ebsDefaultKmsKeyId);
  },
  GetInstanceMetadataDefaults: (_, s) =>
    `<accountLevel>${el('httpTokens', s.account.httpTokens)}${el(
      'httpPutResponseHopLimit',
      s.account.httpPutResponseHopLimit,
    )}</accountLevel>`,
  ModifyInstanceMetadataDefaults: (params, s) => {
    if (params.HttpTokens !== undefined) s.account.httpTokens = params.HttpTokens as 'optional' | 'required';
    if (params.HttpPutResponseHopLimit !== undefined) {
      s.account.httpPutResponseHopLimit = Number(params.HttpPutResponseHopLimit);
    }
    return el('return', true);
  },
};
