import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TgwExpected } from '../../lib/aws/tgw-expected';
import { verifyLiveCommand } from '../../lib/cli/commands/verify-live';
import { Ec2Fixtures, Ec2QueryServer, FAST_CLIENT } from '../support/ec2-query-server';
import { runCommand, writeTestConfig } from '../support/ec2-fixtures/run-command';
import { expectNoStackTrace, faultCases } from './fault-cases';

/** `verify-live` against the loopback EC2 server under every fault mode (see preflight-faults). */
const CONFIG = writeTestConfig();
afterAll(() => rmSync(CONFIG, { recursive: true, force: true }));

const HUB: Ec2Fixtures = {
  transitGateways: [
    { id: 'tgw-0hub', ownerId: '100000000004' },
    { id: 'tgw-0old', ownerId: '100000000004', state: 'deleted' },
  ],
  attachments: [
    { id: 'tgw-attach-insp', transitGatewayId: 'tgw-0hub', name: 'inspection' },
    { id: 'tgw-attach-raa', transitGatewayId: 'tgw-0hub', name: 'RAA-prod' },
  ],
  routeTables: [
    {
      id: 'tgw-rtb-prod',
      transitGatewayId: 'tgw-0hub',
      name: 'spokes-prod',
      associations: ['tgw-attach-raa'],
      routes: [{ cidr: '0.0.0.0/0', type: 'static', attachmentIds: ['tgw-attach-insp'] }],
    },
  ],
};
const EXPECTED: TgwExpected = {
  routeTables: [
    {
      name: 'spokes-prod',
      associations: ['RAA-prod'],
      propagations: [],
      staticRoutes: [{ cidr: '0.0.0.0/0', target: 'inspection' }],
    },
  ],
};
const EXPECTED_FILE = join(CONFIG, 'expected.json');
writeFileSync(EXPECTED_FILE, JSON.stringify(EXPECTED));
const SHORT = { ...FAST_CLIENT, timeouts: { connectMs: 250, requestMs: 250 } };
const BOUND_MS = 3_000;

let server: Ec2QueryServer;
afterEach(() => server?.close());

async function verifyLive(clientDefaults: object, ...extra: string[]) {
  const started = Date.now();
  const result = await runCommand(
    (io) => verifyLiveCommand(io, { clientDefaults }),
    ['verify-live', '--config', CONFIG, '--expected', EXPECTED_FILE, '--endpoint', server.url, ...extra],
  );
  return { ...result, ms: Date.now() - started };
}

describe('verify-live under each fault', () => {
  it.each(
    faultCases({
      first: 'DescribeTransitGateways',
      second: 'DescribeTransitGateways', // its second page: two gateways, one a page
      paged: 'DescribeTransitGateways',
    }),
  )('$name', async ({ mode, action, exit, message }) => {
    server = await Ec2QueryServer.start(HUB, { pageSize: 1 });
    server.fault(mode, action);
    const result = await verifyLive(SHORT, '--timeout', String(BOUND_MS / 1000));
    expect(result.ms).toBeLessThan(BOUND_MS);
    expect(result.code).toBe(exit);
    expectNoStackTrace(result.stderr);
    if (exit === 0) {
      expect(result.stdout).toContain(
        'tgw-0hub: 2 attachments and 1 route table read, no differences from the expected model',
      );
    } else {
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^verify-live: /);
      expect(result.stderr).toMatch(message!);
    }
  });
});

describe('verify-live against a silent endpoint', () => {
  test('ends by itself at its deadline, naming the call, the endpoint and the wait', async () => {
    server = await Ec2QueryServer.start(HUB);
    server.fault({ kind: 'hang' }, 'SearchTransitGatewayRoutes');
    const result = await verifyLive(FAST_CLIENT, '--timeout', '1');
    expect(result.ms).toBeGreaterThanOrEqual(1_000);
    expect(result.ms).toBeLessThan(2_000);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(
      /^verify-live: no answer in time: ec2:SearchTransitGatewayRoutes to the endpoint at http:\/\/127\.0\.0\.1:\d+ had waited \d\.\d s when the command's deadline \(--timeout 1\) ran out; check the network path to AWS \(proxy, VPN, firewall\), or allow longer with --timeout\n$/,
    );
    expectNoStackTrace(result.stderr);
  });
});
