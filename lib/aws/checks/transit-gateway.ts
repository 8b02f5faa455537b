import {
  DescribeTransitGatewayAttachmentsCommand,
  DescribeTransitGatewaysCommand,
  EC2Client,
  Filter,
} from '@aws-sdk/client-ec2';
import { MAX_PAGE_SIZE, nameTag, readAllPages } from '../paging';
import { CheckResult } from './check-result';

/** The published default for "Attachments per transit gateway"; EC2 cannot read the applied value. */
export const DEFAULT_ATTACHMENTS_PER_TGW = 5000;

const GONE = ['deleted', 'deleting', 'failed', 'failing', 'rejected', 'rejecting'];

export interface TgwSummary {
  readonly id: string;
  readonly ownerId?: string;
  readonly state?: string;
  readonly name?: string;
}

/** What a list call returned, and how many items it read before dropping deleted ones. */
export interface ReadList<T> {
  readonly items: T;
  readonly read: number;
}

/** Transit gateways owned by `ownerId` that this account can see, i.e. shared to it through RAM. */
export async function findSharedTgws(
  ec2: EC2Client,
  ownerId: string,
  tgwId?: string,
): Promise<ReadList<TgwSummary[]>> {
  const Filters: Filter[] = [{ Name: 'owner-id', Values: [ownerId] }];
  if (tgwId) Filters.push({ Name: 'transit-gateway-id', Values: [tgwId] });
  const tgws = await readAllPages(
    'ec2:DescribeTransitGateways',
    (NextToken) =>
      ec2.send(new DescribeTransitGatewaysCommand({ Filters, MaxResults: MAX_PAGE_SIZE, NextToken })),
    (page) => page.TransitGateways,
  );
  const items = tgws
    .filter((t) => !GONE.includes(t.State ?? ''))
    .map((t) => ({
      id: t.TransitGatewayId ?? '?',
      ownerId: t.OwnerId,
      state: t.State,
      name: nameTag(t.Tags),
    }));
  return { items, read: tgws.length };
}

/** The gateway the spoke will attach to: the one asked for, or the only one visible. */
export function chooseTgw(tgws: readonly TgwSummary[], tgwId?: string): TgwSummary | undefined {
  if (tgwId) return tgws.find((t) => t.id === tgwId);
  return tgws.length === 1 ? tgws[0] : undefined;
}

export function checkTransitGateway(
  networkAccount: string,
  region: string,
  tgws: readonly TgwSummary[],
  tgwId?: string,
): CheckResult {
  const chosen = chooseTgw(tgws, tgwId);
  const wanted = tgwId ? `transit gateway ${tgwId}` : 'no transit gateway';
  if (tgws.length === 0 || (tgwId && !chosen)) {
    return {
      id: 'transit-gateway',
      verdict: 'fail',
      message: `${wanted} owned by the network account ${networkAccount} is visible in ${region}`,
      fix: `in the network account, share the transit gateway with this account through AWS RAM; if RAM sharing with AWS Organizations is off, accept the invitation in this account's RAM console (Shared with me > Resource shares)`,
    };
  }
  if (!chosen) {
    return {
      id: 'transit-gateway',
      verdict: 'warn',
      message: `${tgws.length} transit gateways owned by ${networkAccount} are visible (${tgws.map((t) => t.id).join(', ')})`,
      fix: 'pass --transit-gateway-id with the one the spoke will attach to',
    };
  }
  if (chosen.state !== 'available') {
    return {
      id: 'transit-gateway',
      verdict: 'warn',
      message: `${chosen.id} (owner ${networkAccount}) is visible but its state is ${chosen.state ?? 'unknown'}`,
      fix: 'wait until it is available (the network account may still be creating or modifying it)',
    };
  }
  return {
    id: 'transit-gateway',
    verdict: 'pass',
    message: `${chosen.id}${chosen.name ? ` (${chosen.name})` : ''} owned by ${networkAccount} is shared with this account and available`,
  };
}

/** Live attachments to the gateway that this account can see; the network account sees every tenant's. */
export async function countAttachments(ec2: EC2Client, tgwId: string): Promise<ReadList<number>> {
  const attachments = await readAllPages(
    'ec2:DescribeTransitGatewayAttachments',
    (NextToken) =>
      ec2.send(
        new DescribeTransitGatewayAttachmentsCommand({
          Filters: [{ Name: 'transit-gateway-id', Values: [tgwId] }],
          MaxResults: MAX_PAGE_SIZE,
          NextToken,
        }),
      ),
    (page) => page.TransitGatewayAttachments,
  );
  return { items: attachments.filter((a) => !GONE.includes(a.State ?? '')).length, read: attachments.length };
}

export function checkAttachmentQuota(tgwId: string | undefined, count: number | undefined): CheckResult {
  if (tgwId === undefined || count === undefined) {
    return {
      id: 'tgw-attachment-quota',
      verdict: 'warn',
      message: 'not checked: no single shared transit gateway to count attachments on',
      fix: 'fix the transit-gateway check first',
    };
  }
  const after = count + 1;
  const caveat = `EC2 cannot read Service Quotas, so this compares with the default of ${DEFAULT_ATTACHMENTS_PER_TGW.toLocaleString('en-GB')} attachments per transit gateway`;
  if (after <= DEFAULT_ATTACHMENTS_PER_TGW) {
    return {
      id: 'tgw-attachment-quota',
      verdict: 'pass',
      message: `${after} attachments to ${tgwId} visible from this account once the spoke attaches (${count} existing); ${caveat}`,
    };
  }
  return {
    id: 'tgw-attachment-quota',
    verdict: 'warn',
    message: `the spoke would be attachment number ${after} to ${tgwId}; ${caveat}`,
    fix: `ask the network team to check 'Attachments per transit gateway' in Service Quotas in the network account and raise it if needed`,
  };
}
