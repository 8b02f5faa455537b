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
import { NotEc2AnswerError } from '../../aws-wire/ec2-answer';
import { readPages, RepeatedNextTokenError } from '../../aws-wire/pages';
import { Wait, waitFor } from './wait';

const ACTION = 'ec2:DescribeTransitGatewayAttachments';

/** How one attachment is recognised, as the construct writes it into ResourceProperties. */
export interface AttachmentQuery {
  readonly Type: string;
  readonly Owner?: string;
  readonly ResourceId?: string;
}

/** Every available (or modifying) attachment of the Transit Gateway, all pages; stops on a looping NextToken. */
async function listAttachments(ec2: EC2Client, transitGatewayId: string | undefined) {
  try {
    return await readPages(
      ACTION,
      (NextToken) =>
        ec2.send(
          new DescribeTransitGatewayAttachmentsCommand({
            Filters: [
              { Name: 'transit-gateway-id', Values: [transitGatewayId as string] },
              { Name: 'state', Values: ['available', 'modifying'] },
            ],
            NextToken,
          }),
        ),
      (page) => page.TransitGatewayAttachments,
    );
  } catch (error) {
    // These already say which call and what came back.
    if (error instanceof NotEc2AnswerError || error instanceof RepeatedNextTokenError) throw error;
    throw new Error(`${ACTION} failed: ${describeError(error)}`, { cause: error });
  }
}

/** `RequestLimitExceeded: Request limit exceeded. (5 attempts)`: the SDK's name, message and tries. */
function describeError(error: unknown): string {
  const e = error as { name?: string; message?: string; $metadata?: { attempts?: number } };
  const attempts = e.$metadata?.attempts;
  const name = e.name && e.name !== 'Error' && !e.message?.startsWith(e.name) ? `${e.name}: ` : '';
  return `${name}${e.message ?? String(error)}${attempts && attempts > 1 ? ` (${attempts} attempts)` : ''}`;
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
