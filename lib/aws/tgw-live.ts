import {
  DescribeTransitGatewayAttachmentsCommand,
  DescribeTransitGatewayRouteTablesCommand,
  DescribeTransitGatewaysCommand,
  EC2Client,
  Filter,
  GetTransitGatewayRouteTableAssociationsCommand,
  GetTransitGatewayRouteTablePropagationsCommand,
  SearchTransitGatewayRoutesCommand,
  TransitGatewayRoute,
} from '@aws-sdk/client-ec2';
import { AwsCallError } from './aws-errors';
import { MAX_PAGE_SIZE, nameTag, readAllPages } from './paging';
import { nameAttachments } from './tgw-attachment-names';
import { BLACKHOLE } from './tgw-expected';
import { UserInputError } from '../errors/user-input-error';

/** A deployed transit gateway's routing, with attachments named as the expected model names them (see nameAttachments). */
export interface LiveTgw {
  readonly transitGatewayId: string;
  readonly ownerId?: string;
  /** Attachments DescribeTransitGatewayAttachments listed (all states). */
  readonly attachmentsRead: number;
  readonly routeTables: readonly LiveRouteTable[];
}

export interface LiveRouteTable {
  readonly id: string;
  /** The Name tag, or the ID when untagged. */
  readonly name: string;
  readonly associations: readonly string[];
  readonly propagations: readonly string[];
  readonly routes: readonly LiveRoute[];
}

export interface LiveRoute {
  /** Destination CIDR, or the prefix-list ID for a prefix-list route. */
  readonly cidr: string;
  readonly type: 'static' | 'propagated';
  /** Attachment name(s), comma-separated for ECMP, or BLACKHOLE. */
  readonly target: string;
}

/**
 * The reader found nothing it could compare (no gateway, or an ambiguous one): the account
 * or the --transit-gateway-id the user pointed at is wrong, so it is input to fix.
 */
export class LiveTgwError extends UserInputError {}

const GONE = ['deleted', 'deleting'];
const byTgw = (id: string): Filter[] => [{ Name: 'transit-gateway-id', Values: [id] }];

/** Reads every route table of the gateway with its associations, propagations and routes; all pages. */
export async function readLiveTgw(ec2: EC2Client, tgwId?: string): Promise<LiveTgw> {
  const tgw = await resolveTgw(ec2, tgwId);
  const id = tgw.TransitGatewayId!;
  const attachments = await readAllPages(
    'ec2:DescribeTransitGatewayAttachments',
    (NextToken) =>
      ec2.send(
        new DescribeTransitGatewayAttachmentsCommand({
          Filters: byTgw(id),
          MaxResults: MAX_PAGE_SIZE,
          NextToken,
        }),
      ),
    (page) => page.TransitGatewayAttachments,
  );
  const names = await nameAttachments(ec2, id, attachments);
  const nameOf = (attachmentId: string | undefined) => names.get(attachmentId ?? '') ?? attachmentId ?? '?';

  const tables = await readAllPages(
    'ec2:DescribeTransitGatewayRouteTables',
    (NextToken) =>
      ec2.send(
        new DescribeTransitGatewayRouteTablesCommand({
          Filters: byTgw(id),
          MaxResults: MAX_PAGE_SIZE,
          NextToken,
        }),
      ),
    (page) => page.TransitGatewayRouteTables,
  );
  const routeTables: LiveRouteTable[] = [];
  for (const table of tables.filter((t) => !GONE.includes(t.State ?? ''))) {
    const tableId = table.TransitGatewayRouteTableId!;
    routeTables.push({
      id: tableId,
      name: nameTag(table.Tags) ?? tableId,
      associations: (await readAssociations(ec2, tableId)).map(nameOf).sort(),
      propagations: (await readPropagations(ec2, tableId)).map(nameOf).sort(),
      routes: (await readRoutes(ec2, tableId)).map((r) => toLiveRoute(r, nameOf)),
    });
  }
  return { transitGatewayId: id, ownerId: tgw.OwnerId, attachmentsRead: attachments.length, routeTables };
}

async function resolveTgw(ec2: EC2Client, tgwId?: string) {
  const tgws = (
    await readAllPages(
      'ec2:DescribeTransitGateways',
      (NextToken) =>
        ec2.send(
          new DescribeTransitGatewaysCommand({
            Filters: tgwId ? byTgw(tgwId) : undefined,
            MaxResults: MAX_PAGE_SIZE,
            NextToken,
          }),
        ),
      (page) => page.TransitGateways,
    )
  ).filter((t) => !GONE.includes(t.State ?? ''));
  if (tgws.length === 1) return tgws[0];
  if (tgws.length === 0) {
    throw new LiveTgwError(
      tgwId
        ? `transit gateway ${tgwId} not found in this account and region`
        : 'no transit gateway found in this account and region',
    );
  }
  throw new LiveTgwError(
    `${tgws.length} transit gateways found (${tgws.map((t) => t.TransitGatewayId).join(', ')}): pass --transit-gateway-id`,
  );
}

async function readAssociations(ec2: EC2Client, tableId: string): Promise<string[]> {
  const items = await readAllPages(
    'ec2:GetTransitGatewayRouteTableAssociations',
    (NextToken) =>
      ec2.send(
        new GetTransitGatewayRouteTableAssociationsCommand({
          TransitGatewayRouteTableId: tableId,
          MaxResults: MAX_PAGE_SIZE,
          NextToken,
        }),
      ),
    (page) => page.Associations,
  );
  return items
    .filter((a) => ['associated', 'associating'].includes(a.State ?? ''))
    .map((a) => a.TransitGatewayAttachmentId ?? '?');
}

async function readPropagations(ec2: EC2Client, tableId: string): Promise<string[]> {
  const items = await readAllPages(
    'ec2:GetTransitGatewayRouteTablePropagations',
    (NextToken) =>
      ec2.send(
        new GetTransitGatewayRouteTablePropagationsCommand({
          TransitGatewayRouteTableId: tableId,
          MaxResults: MAX_PAGE_SIZE,
          NextToken,
        }),
      ),
    (page) => page.TransitGatewayRouteTablePropagations,
  );
  return items
    .filter((p) => ['enabled', 'enabling'].includes(p.State ?? ''))
    .map((p) => p.TransitGatewayAttachmentId ?? '?');
}

async function readRoutes(ec2: EC2Client, tableId: string): Promise<TransitGatewayRoute[]> {
  const action = 'ec2:SearchTransitGatewayRoutes';
  const routes = await readAllPages(
    action,
    (NextToken) =>
      ec2.send(
        new SearchTransitGatewayRoutesCommand({
          TransitGatewayRouteTableId: tableId,
          Filters: [{ Name: 'type', Values: ['static', 'propagated'] }],
          MaxResults: MAX_PAGE_SIZE,
          NextToken,
        }),
      ),
    (page) => {
      // Older API behaviour: more routes exist but no token to fetch them; comparing a partial list would report false drift.
      if (page.AdditionalRoutesAvailable && !page.NextToken) {
        throw new AwsCallError(
          'other',
          action,
          'AdditionalRoutesAvailable',
          `${tableId} has more routes than one search returns`,
        );
      }
      return page.Routes;
    },
  );
  return routes.filter((r) => !GONE.includes(r.State ?? ''));
}

function toLiveRoute(route: TransitGatewayRoute, nameOf: (id: string | undefined) => string): LiveRoute {
  const targets = (route.TransitGatewayAttachments ?? [])
    .map((a) => nameOf(a.TransitGatewayAttachmentId))
    .sort();
  return {
    cidr: route.DestinationCidrBlock ?? route.PrefixListId ?? '?',
    type: route.Type === 'propagated' ? 'propagated' : 'static',
    target: route.State === 'blackhole' || targets.length === 0 ? BLACKHOLE : targets.join(','),
  };
}
