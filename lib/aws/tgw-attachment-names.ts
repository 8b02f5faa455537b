import { DescribeVpnConnectionsCommand, EC2Client, TransitGatewayAttachment } from '@aws-sdk/client-ec2';
import { call } from './aws-errors';
import { nameTag } from './paging';
import { DIRECT_CONNECT_ATTACHMENT } from './tgw-expected';

/**
 * Names each attachment the way the expected model does. CloudFormation tags VPC attachments
 * but cannot tag the attachments AWS makes for a VPN connection or a Direct Connect gateway, so:
 *
 * - an attachment with a Name tag: that tag;
 * - an untagged VPN attachment: its VPN connection's Name tag (one ec2:DescribeVpnConnections
 *   call, made only when there is such an attachment);
 * - the gateway's only untagged Direct Connect gateway attachment: DIRECT_CONNECT_ATTACHMENT;
 * - anything else: its ID, which no expected model names, so it shows up as drift.
 */
export async function nameAttachments(
  ec2: EC2Client,
  tgwId: string,
  attachments: readonly TransitGatewayAttachment[],
): Promise<Map<string, string>> {
  const untagged = (type: string) => attachments.filter((a) => !nameTag(a.Tags) && a.ResourceType === type);
  const vpnNames = untagged('vpn').length > 0 ? await readVpnNames(ec2, tgwId) : new Map<string, string>();
  const directConnect = untagged('direct-connect-gateway');
  return new Map(
    attachments.map((a) => {
      const id = a.TransitGatewayAttachmentId!;
      const name =
        nameTag(a.Tags) ??
        (a.ResourceType === 'vpn' ? vpnNames.get(a.ResourceId ?? '') : undefined) ??
        (directConnect.length === 1 && directConnect[0] === a ? DIRECT_CONNECT_ATTACHMENT : undefined);
      return [id, name ?? id];
    }),
  );
}

/** VPN connection ID -> Name tag, for the gateway's connections. The call is not paged. */
async function readVpnNames(ec2: EC2Client, tgwId: string): Promise<Map<string, string>> {
  const out = await call('ec2:DescribeVpnConnections', () =>
    ec2.send(
      new DescribeVpnConnectionsCommand({ Filters: [{ Name: 'transit-gateway-id', Values: [tgwId] }] }),
    ),
  );
  const names = new Map<string, string>();
  for (const vpn of out.VpnConnections ?? []) {
    const name = nameTag(vpn.Tags);
    if (vpn.VpnConnectionId && name) names.set(vpn.VpnConnectionId, name);
  }
  return names;
}
