import { runInNewContext } from 'node:vm';
import { compactLookupCode, INLINE_CODE_LIMIT } from '../../../lib/patterns/network/network-lookup';

type Page = { TransitGatewayAttachments: object[]; NextToken?: string };

/** Loads the inline handler with fake SDK clients: pages of attachments, a firewall, an organization. */
function load(pages: Page[], syncStates: object = {}) {
  const sent: object[] = [];
  class Command {
    constructor(readonly input: object) {}
  }
  const client = (reply: (input: object) => object) =>
    class {
      async send(command: Command) {
        sent.push(command.input);
        return reply(command.input);
      }
    };
  let page = 0;
  const modules: Record<string, object> = {
    '@aws-sdk/client-ec2': {
      EC2Client: client(() => pages[page++ % pages.length]),
      DescribeTransitGatewayAttachmentsCommand: Command,
    },
    '@aws-sdk/client-network-firewall': {
      NetworkFirewallClient: client(() => ({ FirewallStatus: { SyncStates: syncStates } })),
      DescribeFirewallCommand: Command,
    },
    '@aws-sdk/client-organizations': {
      OrganizationsClient: client(() => ({
        Organization: { Arn: 'arn:aws:organizations::1:organization/o-abc' },
      })),
      DescribeOrganizationCommand: Command,
    },
  };
  const exports: Record<string, unknown> = {};
  runInNewContext(compactLookupCode(), { require: (m: string) => modules[m], exports, setTimeout });
  (exports.cfg as { waitMs: number; tries: number }).waitMs = 0;
  (exports.cfg as { waitMs: number; tries: number }).tries = 2;
  return { lookup: exports.lookup as (p: object) => Promise<Record<string, string>>, sent };
}

const spoke = (id: string, owner: string) => ({
  TransitGatewayAttachmentId: id,
  ResourceType: 'vpc',
  ResourceOwnerId: owner,
  ResourceId: 'vpc-1',
});

test('the deployed code fits Lambda inline code', () => {
  expect(compactLookupCode().length).toBeLessThanOrEqual(INLINE_CODE_LIMIT);
});

test('finds spoke attachments by owner account and VPNs by resource, across pages', async () => {
  const { lookup, sent } = load([
    { TransitGatewayAttachments: [spoke('tgw-attach-a', '111111111111')], NextToken: 'n' },
    {
      TransitGatewayAttachments: [
        { TransitGatewayAttachmentId: 'tgw-attach-v', ResourceType: 'vpn', ResourceId: 'vpn-9' },
      ],
    },
  ]);
  await expect(
    lookup({
      TransitGatewayId: 'tgw-1',
      Attachments: {
        SpokeRGRprod: { Type: 'vpc', Owner: '111111111111' },
        VpnRGR1: { Type: 'vpn', ResourceId: 'vpn-9' },
      },
    }),
  ).resolves.toEqual({ SpokeRGRprod: 'tgw-attach-a', VpnRGR1: 'tgw-attach-v' });
  expect(sent[0]).toMatchObject({
    Filters: [
      { Name: 'transit-gateway-id', Values: ['tgw-1'] },
      { Name: 'state', Values: ['available', 'modifying'] },
    ],
  });
});

test('fails at once, naming the key, when two attachments match', async () => {
  const { lookup } = load([{ TransitGatewayAttachments: [spoke('a', '1'), spoke('b', '1')] }]);
  await expect(
    lookup({ TransitGatewayId: 't', Attachments: { SpokeRGRprod: { Type: 'vpc', Owner: '1' } } }),
  ).rejects.toThrow('SpokeRGRprod (vpc 1): 2 attachments match, expected one');
});

test('waits for a missing attachment, then fails naming it', async () => {
  const { lookup, sent } = load([{ TransitGatewayAttachments: [] }]);
  await expect(
    lookup({ TransitGatewayId: 't', Attachments: { SpokeRGRprod: { Type: 'vpc', Owner: '1' } } }),
  ).rejects.toThrow('no available attachment for SpokeRGRprod (vpc 1)');
  expect(sent).toHaveLength(2);
});

test('returns the firewall endpoint of each zone and the organization ARN', async () => {
  const { lookup } = load([], {
    'eu-west-2a': { Attachment: { EndpointId: 'vpce-a' } },
    'eu-west-2b': { Attachment: { EndpointId: 'vpce-b' } },
  });
  await expect(
    lookup({ FirewallArn: 'arn:fw', FirewallZones: ['eu-west-2a', 'eu-west-2b'], Organization: 'true' }),
  ).resolves.toEqual({
    Endpointeuwest2a: 'vpce-a',
    Endpointeuwest2b: 'vpce-b',
    OrganizationArn: 'arn:aws:organizations::1:organization/o-abc',
  });
});
