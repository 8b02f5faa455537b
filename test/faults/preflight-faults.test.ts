import { rmSync } from 'node:fs';
import { preflightCommand } from '../../lib/cli/commands/preflight';
import { Ec2Fixtures, Ec2QueryServer, FAST_CLIENT } from '../support/ec2-query-server';
import { runCommand, writeTestConfig } from '../support/ec2-fixtures/run-command';
import { expectNoStackTrace, faultCases } from './fault-cases';

/**
 * `preflight` against the loopback EC2 server under every fault mode. Deadlines are test
 * settings (250 ms a request, a few seconds a run), so the suite takes seconds, not minutes.
 */
const CONFIG = writeTestConfig();
afterAll(() => rmSync(CONFIG, { recursive: true, force: true }));
const ACCOUNT = '200000000003'; // RAA prod, 10.64.16.0/21
const READY: Ec2Fixtures = {
  regions: [{ name: 'eu-west-2', optInStatus: 'opt-in-not-required' }],
  vpcs: [{ id: 'vpc-0legacy', cidr: '10.200.0.0/16', ownerId: ACCOUNT }],
  transitGateways: [{ id: 'tgw-0hub', ownerId: '100000000004' }],
};
const SHORT = { ...FAST_CLIENT, timeouts: { connectMs: 250, requestMs: 250 } };
const BOUND_MS = 3_000;

let server: Ec2QueryServer;
afterEach(() => server?.close());

async function preflight(clientDefaults: object, ...extra: string[]) {
  const started = Date.now();
  const result = await runCommand(
    (io) => preflightCommand(io, clientDefaults),
    ['preflight', '--tenant', 'RAA', '--env', 'prod', '--config', CONFIG, '--endpoint', server.url, ...extra],
  );
  return { ...result, ms: Date.now() - started };
}

describe('preflight under each fault', () => {
  it.each(
    faultCases({ first: 'DescribeRegions', second: 'DescribeAvailabilityZones', paged: 'DescribeVpcs' }),
  )('$name', async ({ mode, action, exit, message }) => {
    server = await Ec2QueryServer.start(READY, { pageSize: 1 });
    server.fault(mode, action);
    const result = await preflight(SHORT, '--timeout', String(BOUND_MS / 1000));
    expect(result.ms).toBeLessThan(BOUND_MS);
    expect(result.code).toBe(exit);
    expectNoStackTrace(result.stderr);
    if (exit === 0) {
      expect(result.stdout).toContain('8 passed, 0 warnings, 0 failed');
    } else {
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^preflight: /);
      expect(result.stderr).toMatch(message!);
    }
  });
});

describe('preflight never passes on an answer that is not EC2', () => {
  test("a proxy's page for DescribeVpcs does not turn a CIDR clash into a pass", async () => {
    server = await Ec2QueryServer.start({
      ...READY,
      vpcs: [{ id: 'vpc-0clash', cidr: '10.64.16.0/20', ownerId: ACCOUNT }],
    });
    expect((await preflight(SHORT)).code).toBe(1); // the clash, seen when EC2 answers
    server.fault({ kind: 'html' }, 'DescribeVpcs');
    const result = await preflight(SHORT);
    expect(result.code).toBe(4);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^preflight: the endpoint at http:\/\/127\.0\.0\.1:\d+ did not answer as EC2 \(a proxy\?\): ec2:DescribeVpcs got HTTP 200 with an HTML page; nothing was checked against it\. If a proxy inspects TLS, let \*\.amazonaws\.com through\n$/,
    );
  });
});

describe('preflight against a silent endpoint', () => {
  test('ends by itself at its deadline, naming the call, the endpoint and the wait', async () => {
    server = await Ec2QueryServer.start(READY);
    server.fault({ kind: 'hang' });
    // The real per-request limits (30 s): only the command's deadline can end this run.
    const result = await preflight(FAST_CLIENT, '--timeout', '1');
    expect(result.ms).toBeGreaterThanOrEqual(1_000);
    expect(result.ms).toBeLessThan(2_000);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(
      /^preflight: no answer in time: ec2:DescribeRegions to the endpoint at http:\/\/127\.0\.0\.1:\d+ had waited 1\.\d s when the command's deadline \(--timeout 1\) ran out; check the network path to AWS \(proxy, VPN, firewall\), or allow longer with --timeout\n$/,
    );
    expectNoStackTrace(result.stderr);
  });

  test('--timeout must be a number of seconds', async () => {
    server = await Ec2QueryServer.start(READY);
    const result = await preflight(SHORT, '--timeout', 'soon');
    expect(result).toMatchObject({
      code: 2,
      stderr: '--timeout: expected a number of seconds above 0, got "soon"\n  hint: e.g. --timeout 300\n',
    });
    expect(server.requests).toEqual([]);
  });
});
