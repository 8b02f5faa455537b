/**
 * Transit Gateway attachment IDs, by type plus owner account (spoke and shared-services VPCs)
 * or attached resource (VPN connections, the Direct Connect gateway). Waits for missing ones
 * and fails at once on ambiguous ones, naming the key.
 */
import {
  DescribeTransitGatewayAttachmentsCommand,
  EC2Client,
  TransitGatewayAttachment,
} from '@aws-sdk/client-ec2';
import { Wait, waitFor } from './wait';

/** How one attachment is recognised, as the construct writes it into ResourceProperties. */
export interface AttachmentQuery {
  readonly Type: string;
  readonly Owner?: string;
  readonly ResourceId?: string;
}

/** Every available (or modifying) attachment of the Transit Gateway, all pages. */
async function listAttachments(ec2: EC2Client, transitGatewayId: string | undefined) {
  const all: TransitGatewayAttachment[] = [];
  let NextToken: string | undefined;
  do {
    const page = await ec2.send(
      new DescribeTransitGatewayAttachmentsCommand({
        Filters: [
          { Name: 'transit-gateway-id', Values: [transitGatewayId as string] },
          { Name: 'state', Values: ['available', 'modifying'] },
        ],
        NextToken,
      }),
    );
    all.push(...(page.TransitGatewayAttachments ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return all;
}

/** The attachment ID of each key, or the descriptions of the keys nothing matched yet. */
export function matchAttachments(
  all: readonly TransitGatewayAttachment[],
  wanted: Readonly<Record<string, AttachmentQuery>>,
): { value: Record<string, string> } | { missing: string[] } {
  const found: Record<string, string> = {};
  const missing: string[] = [];
  for (const [key, w] of Object.entries(wanted)) {
    const hits = all.filter(
      (a) =>
        a.ResourceType === w.Type &&
        (!w.Owner || a.ResourceOwnerId === w.Owner) &&
        (!w.ResourceId || a.ResourceId === w.ResourceId),
    );
    const what = `${key} (${w.Type} ${w.Owner || w.ResourceId})`;
    if (hits.length > 1) throw new Error(`${what}: ${hits.length} attachments match, expected one`);
    if (hits.length === 1) found[key] = hits[0]!.TransitGatewayAttachmentId as string;
    else missing.push(what);
  }
  return missing.length === 0 ? { value: found } : { missing };
}

export async function findAttachments(
  ec2: () => EC2Client,
  transitGatewayId: string | undefined,
  wanted: Readonly<Record<string, AttachmentQuery>> | undefined,
  wait: Wait,
): Promise<Record<string, string>> {
  if (Object.keys(wanted ?? {}).length === 0) return {};
  const client = ec2();
  try {
    return await waitFor(
      wait,
      async () => matchAttachments(await listAttachments(client, transitGatewayId), wanted!),
      (missing) => new Error(`no available attachment for ${missing.join(', ')}`),
    );
  } finally {
    client.destroy();
  }
}
