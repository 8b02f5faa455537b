import {
  DEADLINE_MARGIN_MS,
  makeHandler,
  NetworkLookupEvent,
} from '../../lib/handlers/network-lookup/lookup';
import { lookupEc2Client } from '../../lib/handlers/network-lookup/clients';
import { Wait } from '../../lib/handlers/network-lookup/wait';
import { CfnResponseServer } from '../support/cfn-response-server';
import {
  Ec2QueryServer,
  fastRetry,
  FaultMode,
  FixtureAttachment,
  TEST_CREDENTIALS,
} from '../support/ec2-query-server';

/**
 * The network-lookup custom resource under every fault mode: the handler must always answer
 * CloudFormation (SUCCESS when retries carry it through, else FAILED with a reason naming the
 * problem), within the function's time, so a stack never waits on it. The SDK's own retry
 * settings apply in Lambda: 3 attempts unless the function's environment says otherwise.
 */
const TGW = 'tgw-0123456789abcdef0';
const ENDPOINT = String.raw`http://127\.0\.0\.1:\d+`;
const CALL = 'ec2:DescribeTransitGatewayAttachments';
const spoke = (id: string, owner: string): FixtureAttachment => ({
  id,
  transitGatewayId: TGW,
  resourceType: 'vpc',
  resourceId: `vpc-${id}`,
  resourceOwnerId: owner,
});
// Two attachments a page apart, so "after the first request" and NextToken faults have a second page.
const ATTACHMENTS = [spoke('tgw-attach-a', '111111111111'), spoke('tgw-attach-b', '222222222222')];
const NO_WAIT: Wait = { waitMs: 0, tries: 1, sleep: async () => undefined };
const BOUND_MS = 3_000;

interface HandlerCase {
  readonly name: string;
  readonly mode: FaultMode;
  /** undefined: SUCCESS with both attachment IDs. */
  readonly reason?: RegExp;
}

const CASES: HandlerCase[] = [
  { name: 'throttled twice, then answers', mode: { kind: 'throttle', times: 2 } },
  {
    name: 'throttled on every attempt',
    mode: { kind: 'throttle', times: 100 },
    reason: new RegExp(`^${CALL} failed: RequestLimitExceeded: Request limit exceeded\\. \\(3 attempts\\)$`),
  },
  { name: '503 twice, then answers', mode: { kind: '5xx', status: 503, times: 2 } },
  {
    name: '500 InternalError on every attempt',
    mode: { kind: '5xx', status: 500 },
    reason: new RegExp(`^${CALL} failed: InternalError \\(3 attempts\\)$`),
  },
  {
    name: "a load balancer's 502 page on every attempt",
    mode: { kind: '5xx', status: 502, html: true },
    reason: new RegExp(
      `^the endpoint at ${ENDPOINT} did not answer as EC2 \\(a proxy\\?\\): DescribeTransitGatewayAttachments got HTTP 502 with an HTML page$`,
    ),
  },
  {
    name: 'no answer at all',
    mode: { kind: 'hang' },
    reason: new RegExp(
      `^${CALL} failed: TimeoutError: .*exceeded the configured 250 ms requestTimeout.* \\(3 attempts\\)$`,
    ),
  },
  {
    name: 'no answer after the first request',
    mode: { kind: 'hang', after: 1 },
    reason: new RegExp(`^${CALL} failed: TimeoutError: .*250 ms requestTimeout.* \\(3 attempts\\)$`),
  },
  {
    name: 'XML cut short',
    mode: { kind: 'truncated' },
    reason: new RegExp(
      `^the endpoint at ${ENDPOINT} did not answer as EC2 \\(a proxy\\?\\): DescribeTransitGatewayAttachments got HTTP 200 with a DescribeTransitGatewayAttachmentsResponse cut short`,
    ),
  },
  {
    name: 'a 200 HTML page',
    mode: { kind: 'html' },
    reason: new RegExp(
      `did not answer as EC2 \\(a proxy\\?\\): DescribeTransitGatewayAttachments got HTTP 200 with an HTML page$`,
    ),
  },
  {
    name: 'a 200 empty body',
    mode: { kind: 'empty' },
    reason: new RegExp(
      `did not answer as EC2 \\(a proxy\\?\\): DescribeTransitGatewayAttachments got HTTP 200 with an empty body$`,
    ),
  },
  {
    name: 'the same NextToken again and again',
    mode: { kind: 'repeat-token' },
    reason: new RegExp(
      `^${CALL} returned the same NextToken twice \\(after 2 pages\\): stopped rather than read forever$`,
    ),
  },
];

let server: Ec2QueryServer;
let responses: CfnResponseServer;
let logged: jest.SpyInstance;
beforeEach(async () => {
  logged = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  server = await Ec2QueryServer.start({ attachments: ATTACHMENTS }, { pageSize: 1 });
  responses = await CfnResponseServer.start();
});
afterEach(async () => {
  logged.mockRestore();
  await server.close();
  await responses.close();
});

const event = (): NetworkLookupEvent => ({
  RequestType: 'Create',
  ResponseURL: responses.url,
  StackId: 'arn:aws:cloudformation:eu-west-2:100000000004:stack/Core-Network/0b5e7a10',
  RequestId: 'e2f9c3a4-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  LogicalResourceId: 'NetworkLookup1F6D8C2A',
  ResourceType: 'Custom::NetworkLookup',
  ResourceProperties: {
    TransitGatewayId: TGW,
    Attachments: {
      SpokeA: { Type: 'vpc', Owner: '111111111111' },
      SpokeB: { Type: 'vpc', Owner: '222222222222' },
    },
  },
});

async function invoke(requestMs: number, remainingMs: number) {
  const handler = makeHandler(
    {
      ec2: () =>
        lookupEc2Client({
          region: 'eu-west-2',
          endpoint: server.url,
          credentials: TEST_CREDENTIALS,
          retryStrategy: fastRetry(),
          timeouts: { connectMs: requestMs, requestMs },
        }),
      describeFirewall: async () => undefined,
      describeOrganization: async () => undefined,
    },
    NO_WAIT,
  );
  const started = Date.now();
  const returned = await handler(event(), { getRemainingTimeInMillis: () => remainingMs });
  return {
    returned,
    sent: responses.only() as { Status: string; Reason: string; Data?: object },
    ms: Date.now() - started,
  };
}

describe('the network lookup handler under each fault', () => {
  it.each(CASES)('$name', async ({ mode, reason }) => {
    server.fault(mode);
    const { returned, sent, ms } = await invoke(250, DEADLINE_MARGIN_MS + BOUND_MS);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(sent).toEqual(returned);
    // The outcome is logged; the response URL, a pre-signed credential, never is.
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0]![0])).toContain(`"Status":"${sent.Status}"`);
    expect(String(logged.mock.calls[0]![0])).not.toContain('X-Amz-Signature');
    if (reason === undefined) {
      expect(sent).toMatchObject({
        Status: 'SUCCESS',
        Data: { SpokeA: 'tgw-attach-a', SpokeB: 'tgw-attach-b' },
      });
    } else {
      expect(sent.Status).toBe('FAILED');
      expect(sent.Reason).toMatch(reason);
      expect(sent.Reason).not.toMatch(/^\s+at /m);
    }
  });

  test('a silent endpoint: FAILED before the function would be stopped', async () => {
    server.fault({ kind: 'hang' });
    // The real 30 s request limit: only the deadline from the Lambda context can end this.
    const { sent, ms } = await invoke(30_000, DEADLINE_MARGIN_MS + 800);
    expect(ms).toBeGreaterThanOrEqual(800);
    expect(ms).toBeLessThan(1_500);
    expect(sent).toMatchObject({
      Status: 'FAILED',
      Reason: 'Timed out after 800 ms looking up network values',
    });
  });
});
