import { endpointKey, endpointsOf } from '../../lib/handlers/network-lookup/firewall-endpoints';
import {
  LookupServices,
  lookup,
  makeHandler,
  NetworkLookupEvent,
  NetworkLookupProperties,
} from '../../lib/handlers/network-lookup/lookup';
import { DEFAULT_WAIT, Wait } from '../../lib/handlers/network-lookup/wait';
import { lookupEc2Client } from '../../lib/handlers/network-lookup/clients';
import { CfnResponseServer } from '../support/cfn-response-server';
import {
  DENIED,
  Ec2QueryServer,
  FixtureAttachment,
  fastRetry,
  filtersOf,
  TEST_CREDENTIALS,
} from '../support/ec2-query-server';

const TGW = 'tgw-0123456789abcdef0';
const ORG_ARN = 'arn:aws:organizations::100000000001:organization/o-abc123defg';

const spoke = (id: string, owner: string, over: Partial<FixtureAttachment> = {}): FixtureAttachment => ({
  id,
  transitGatewayId: TGW,
  resourceType: 'vpc',
  resourceId: `vpc-${id}`,
  resourceOwnerId: owner,
  ...over,
});

let server: Ec2QueryServer;
let sleeps: number[];
/** Two tries, no real sleeping; `onSleep` runs in each pause (an attachment appearing, say). */
let onSleep: () => void;
const wait = (): Wait => ({
  waitMs: 15_000,
  tries: 2,
  sleep: async (ms) => {
    sleeps.push(ms);
    onSleep();
  },
});

/** Network Firewall and Organizations are not installed here: their answers are given as values. */
function services(
  syncStates: Record<string, { Attachment?: { SubnetId?: string; EndpointId?: string } }> = {},
): LookupServices & { firewallCalls: string[] } {
  const firewallCalls: string[] = [];
  return {
    ec2: () =>
      lookupEc2Client({
        region: 'eu-west-2',
        endpoint: server.url,
        credentials: TEST_CREDENTIALS,
        retryStrategy: fastRetry(),
      }),
    describeFirewall: async (arn) => {
      firewallCalls.push(arn);
      return syncStates;
    },
    describeOrganization: async () => ({ Arn: ORG_ARN }),
    firewallCalls,
  };
}

async function start(attachments: FixtureAttachment[], pageSize?: number): Promise<void> {
  server = await Ec2QueryServer.start({ attachments }, { pageSize });
}

const run = (p: NetworkLookupProperties, s: LookupServices = services()) => lookup(p, s, wait());

beforeEach(() => {
  sleeps = [];
  onSleep = () => undefined;
});
afterEach(async () => server?.close());

describe('network lookup: Transit Gateway attachments (real EC2 client, local Query endpoint)', () => {
  test('finds spokes by owner account and VPNs by resource, across pages, with the filters', async () => {
    await start(
      [
        spoke('tgw-attach-a', '111111111111'),
        spoke('tgw-attach-other', '222222222222'),
        { id: 'tgw-attach-v', transitGatewayId: TGW, resourceType: 'vpn', resourceId: 'vpn-9' },
        { id: 'tgw-attach-x', transitGatewayId: 'tgw-elsewhere', resourceType: 'vpn', resourceId: 'vpn-9' },
      ],
      1,
    );
    await expect(
      run({
        TransitGatewayId: TGW,
        Attachments: {
          SpokeRGRprod: { Type: 'vpc', Owner: '111111111111' },
          VpnRGR1: { Type: 'vpn', ResourceId: 'vpn-9' },
        },
      }),
    ).resolves.toEqual({ SpokeRGRprod: 'tgw-attach-a', VpnRGR1: 'tgw-attach-v' });
    const calls = server.calls('DescribeTransitGatewayAttachments');
    expect(calls).toHaveLength(3); // one attachment a page: three pages on the gateway
    expect(calls.map((c) => c.params.NextToken)).toEqual([undefined, expect.any(String), expect.any(String)]);
    for (const call of calls) {
      expect(filtersOf(call.params)).toEqual(
        new Map([
          ['transit-gateway-id', [TGW]],
          ['state', ['available', 'modifying']],
        ]),
      );
    }
    expect(sleeps).toEqual([]);
  });

  test('a Direct Connect gateway attachment is found by its resource ID', async () => {
    await start([
      {
        id: 'tgw-attach-dx',
        transitGatewayId: TGW,
        resourceType: 'direct-connect-gateway',
        resourceId: 'dx-1',
      },
    ]);
    await expect(
      run({
        TransitGatewayId: TGW,
        Attachments: { DirectConnect: { Type: 'direct-connect-gateway', ResourceId: 'dx-1' } },
      }),
    ).resolves.toEqual({ DirectConnect: 'tgw-attach-dx' });
  });

  test('waits for a missing attachment (15 s), then finds it once it is available', async () => {
    await start([spoke('tgw-attach-p', '111111111111', { state: 'pendingAcceptance' })]);
    onSleep = () => server.addAttachments(spoke('tgw-attach-a', '111111111111'));
    await expect(
      run({ TransitGatewayId: TGW, Attachments: { SpokeRGRprod: { Type: 'vpc', Owner: '111111111111' } } }),
    ).resolves.toEqual({ SpokeRGRprod: 'tgw-attach-a' });
    expect(sleeps).toEqual([15_000]);
    expect(server.calls('DescribeTransitGatewayAttachments')).toHaveLength(2);
  });

  test('gives up after the last try, naming every key still missing', async () => {
    await start([spoke('tgw-attach-a', '111111111111')]);
    await expect(
      run({
        TransitGatewayId: TGW,
        Attachments: {
          SpokeRGRprod: { Type: 'vpc', Owner: '111111111111' },
          SpokeABCdev: { Type: 'vpc', Owner: '333333333333' },
          VpnRGR1: { Type: 'vpn', ResourceId: 'vpn-9' },
        },
      }),
    ).rejects.toThrow('no available attachment for SpokeABCdev (vpc 333333333333), VpnRGR1 (vpn vpn-9)');
    expect(server.calls('DescribeTransitGatewayAttachments')).toHaveLength(2);
    expect(sleeps).toEqual([15_000]);
  });

  test('fails at once, naming the key, when two attachments match', async () => {
    await start([spoke('a', '111111111111'), spoke('b', '111111111111')]);
    await expect(
      run({ TransitGatewayId: TGW, Attachments: { SpokeRGRprod: { Type: 'vpc', Owner: '111111111111' } } }),
    ).rejects.toThrow('SpokeRGRprod (vpc 111111111111): 2 attachments match, expected one');
    expect(sleeps).toEqual([]);
  });

  test('an EC2 error fails the lookup with its message', async () => {
    await start([]);
    server.failAlways('DescribeTransitGatewayAttachments', DENIED);
    await expect(
      run({ TransitGatewayId: TGW, Attachments: { SpokeRGRprod: { Type: 'vpc', Owner: '1' } } }),
    ).rejects.toThrow(
      'ec2:DescribeTransitGatewayAttachments failed: UnauthorizedOperation: You are not authorized to perform this operation.',
    );
  });

  test('no attachment queries: no EC2 call', async () => {
    await start([]);
    await expect(run({ TransitGatewayId: TGW, Attachments: {} })).resolves.toEqual({});
    expect(server.requests).toEqual([]);
  });

  test('the default wait is 40 tries 15 s apart', () => {
    expect(DEFAULT_WAIT).toMatchObject({ waitMs: 15_000, tries: 40 });
  });
});

// Network Firewall and Organizations speak JSON protocols whose SDK clients are not installed
// in this repository (Lambda's runtime ships them): these tests cover the lookup's logic over
// their answers, not the wire.
describe('network lookup: firewall endpoints and the organization (logic over the answers)', () => {
  // This account's zone names are not the estate's zone IDs: eu-west-2a here may be euw2-az2.
  test("returns the endpoint in each zone's firewall subnet, whatever the account calls the zone, and the organization ARN", async () => {
    await start([]);
    const s = services({
      'eu-west-2a': { Attachment: { SubnetId: 'subnet-fw2', EndpointId: 'vpce-a' } },
      'eu-west-2b': { Attachment: { SubnetId: 'subnet-fw1', EndpointId: 'vpce-b' } },
      'eu-west-2c': { Attachment: { SubnetId: 'subnet-fw3', EndpointId: 'vpce-c' } },
    });
    await expect(
      run(
        {
          FirewallArn: 'arn:fw',
          FirewallSubnets: { 'euw2-az1': 'subnet-fw1', 'euw2-az2': 'subnet-fw2' },
          Organization: 'true',
        },
        s,
      ),
    ).resolves.toEqual({
      Endpointeuw2az1: 'vpce-b',
      Endpointeuw2az2: 'vpce-a',
      OrganizationArn: ORG_ARN,
    });
    expect(s.firewallCalls).toEqual(['arn:fw']);
    expect(server.requests).toEqual([]);
  });

  test('waits for a subnet without an endpoint yet, then fails naming the zones', async () => {
    await start([]);
    const s = services({
      'eu-west-2a': { Attachment: { SubnetId: 'subnet-fw1', EndpointId: 'vpce-a' } },
      'eu-west-2b': { Attachment: { SubnetId: 'subnet-fw2' } },
    });
    await expect(
      run(
        { FirewallArn: 'arn:fw', FirewallSubnets: { 'euw2-az1': 'subnet-fw1', 'euw2-az2': 'subnet-fw2' } },
        s,
      ),
    ).rejects.toThrow('firewall has no endpoint yet in some of euw2-az1, euw2-az2');
    expect(s.firewallCalls).toHaveLength(2);
    expect(sleeps).toEqual([15_000]);
  });

  test('Organization other than "true" is not looked up', async () => {
    await start([]);
    await expect(run({ Organization: 'false' })).resolves.toEqual({});
  });

  test('the Data key of a zone is Endpoint plus its alphanumerics', () => {
    expect(endpointKey('euw2-az1')).toBe('Endpointeuw2az1');
    expect(endpointsOf(undefined, { 'euw2-az1': 'subnet-fw1' })).toBeUndefined();
    expect(endpointsOf(undefined, {})).toEqual({});
  });
});

describe('network lookup handler: the CloudFormation response', () => {
  let responses: CfnResponseServer;
  beforeEach(async () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    responses = await CfnResponseServer.start();
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await responses.close();
  });

  const ECHOED = {
    StackId: 'arn:aws:cloudformation:eu-west-2:100000000004:stack/Core-Network/0b5e7a10',
    RequestId: 'e2f9c3a4-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
    LogicalResourceId: 'NetworkLookup1F6D8C2A',
  };
  const event = (
    RequestType: NetworkLookupEvent['RequestType'],
    ResourceProperties: NetworkLookupProperties,
    PhysicalResourceId?: string,
  ): NetworkLookupEvent => ({
    RequestType,
    ResponseURL: responses.url,
    ResourceType: 'Custom::NetworkLookup',
    ...ECHOED,
    ...(PhysicalResourceId && { PhysicalResourceId }),
    ResourceProperties,
  });
  const handler = () => makeHandler(services(), wait());
  const WANTED = {
    TransitGatewayId: TGW,
    Attachments: { SpokeRGRprod: { Type: 'vpc', Owner: '111111111111' } },
  };

  test('Create PUTs SUCCESS with the logical ID as physical ID and the lookups as Data', async () => {
    await start([spoke('tgw-attach-a', '111111111111')]);
    await handler()(event('Create', WANTED));
    expect(responses.only()).toEqual({
      Status: 'SUCCESS',
      Reason: 'OK',
      Data: { SpokeRGRprod: 'tgw-attach-a' },
      PhysicalResourceId: ECHOED.LogicalResourceId,
      ...ECHOED,
    });
    const [put] = responses.received;
    expect(put).toMatchObject({
      method: 'PUT',
      url: '/cloudformation-custom-resource-response/stack-event?X-Amz-Signature=abc123',
    });
    expect(put!.headers['content-type']).toBe('');
  });

  test('Update keeps the physical ID CloudFormation has', async () => {
    await start([spoke('tgw-attach-a', '111111111111')]);
    await handler()(event('Update', WANTED, 'NetworkLookupOld'));
    expect(responses.only()).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'NetworkLookupOld' });
  });

  test('a failed lookup PUTs FAILED with the error as Reason and no Data', async () => {
    await start([spoke('a', '111111111111'), spoke('b', '111111111111')]);
    await handler()(event('Create', WANTED));
    expect(responses.only()).toEqual({
      Status: 'FAILED',
      Reason: 'SpokeRGRprod (vpc 111111111111): 2 attachments match, expected one',
      PhysicalResourceId: ECHOED.LogicalResourceId,
      ...ECHOED,
    });
  });

  test('a long error is cut to 1024 characters, so the response stays under 4 KB', async () => {
    await start([]);
    const key = 'K'.repeat(3000);
    await handler()(
      event('Create', { TransitGatewayId: TGW, Attachments: { [key]: { Type: 'vpc', Owner: '1' } } }),
    );
    const reason = (responses.only() as { Reason: string }).Reason;
    expect(reason).toHaveLength(1024);
    expect(reason.startsWith('no available attachment for KKK')).toBe(true);
  });

  test('Delete looks nothing up and PUTs SUCCESS', async () => {
    await start([]);
    await handler()(event('Delete', WANTED, 'NetworkLookup1F6D8C2A'));
    expect(responses.only()).toEqual({
      Status: 'SUCCESS',
      Reason: 'OK',
      Data: {},
      PhysicalResourceId: 'NetworkLookup1F6D8C2A',
      ...ECHOED,
    });
    expect(server.requests).toEqual([]);
  });
});
