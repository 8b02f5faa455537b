import { rmSync } from 'node:fs';
import { preflightCommand } from '../../lib/cli/commands/preflight';
import {
  Ec2Fixtures,
  Ec2QueryServer,
  EXPIRED,
  filtersOf,
  FAST_CLIENT,
  THROTTLED,
} from '../support/ec2-query-server';
import { runCommand, writeTestConfig } from '../support/ec2-fixtures/run-command';

const CONFIG = writeTestConfig();
afterAll(() => rmSync(CONFIG, { recursive: true, force: true }));
const ACCOUNT = '200000000003'; // RAA prod
const NETWORK = '100000000004';

const READY: Ec2Fixtures = {
  regions: [{ name: 'eu-west-2', optInStatus: 'opt-in-not-required' }],
  vpcs: [{ id: 'vpc-0legacy', cidr: '10.200.0.0/16', ownerId: ACCOUNT }],
  transitGateways: [{ id: 'tgw-0hub', ownerId: NETWORK }],
};

let server: Ec2QueryServer;
afterEach(() => server?.close());

async function preflight(fixtures: Ec2Fixtures, ...extra: string[]) {
  server = await Ec2QueryServer.start(fixtures);
  return run(...extra);
}

function run(...extra: string[]) {
  return runCommand(
    (io) => preflightCommand(io, FAST_CLIENT),
    ['preflight', '--tenant', 'RAA', '--env', 'prod', '--config', CONFIG, '--endpoint', server.url, ...extra],
  );
}

describe('nhs-cloud preflight', () => {
  test('a ready account passes with exit code 0; calls are signed for the environment region', async () => {
    const result = await preflight(READY);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Preflight RAA prod (account 200000000003, eu-west-2, 10.64.16.0/21)');
    expect(result.stdout).toContain(
      '  PASS  transit-gateway       tgw-0hub owned by 100000000004 is shared with this account and available',
    );
    expect(result.stdout).toContain('8 passed, 0 warnings, 0 failed');
    expect(result.stderr).toBe('');
    expect(new Set(server.requests.map((r) => r.region))).toEqual(new Set(['eu-west-2']));
  });

  test('--format json prints the report and a summary', async () => {
    const result = await preflight({ ...READY, vpcs: [] }, '--format', 'json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      tenant: 'RAA',
      environment: 'prod',
      accountId: ACCOUNT,
      region: 'eu-west-2',
    });
    expect(report.summary).toEqual({ pass: 7, warn: 1, fail: 0 });
    expect(report.checks.find((c: { id: string }) => c.id === 'account').verdict).toBe('warn');
  });

  test('any failed check prints the report and exits 1', async () => {
    const result = await preflight({
      ...READY,
      vpcs: [{ id: 'vpc-0clash', cidr: '10.64.16.0/20', ownerId: ACCOUNT }],
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '  FAIL  cidr-overlap          vpc-0clash 10.64.16.0/20 overlaps 10.64.16.0/21, the range allocated to RAA prod',
    );
    expect(result.stdout).toContain('7 passed, 0 warnings, 1 failed');
    expect(result.stderr).toBe('preflight: 1 check failed for RAA prod\n');
  });

  test('--transit-gateway-id is sent as a filter', async () => {
    const result = await preflight(READY, '--transit-gateway-id', 'tgw-0hub');
    expect(result.code).toBe(0);
    expect(filtersOf(server.calls('DescribeTransitGateways')[0].params).get('transit-gateway-id')).toEqual([
      'tgw-0hub',
    ]);
  });

  test('expired credentials exit 4 with the message to refresh them and no stack trace', async () => {
    server = await Ec2QueryServer.start(READY);
    server.failAlways('*', EXPIRED);
    const result = await run();
    expect(result.code).toBe(4);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      "preflight: AWS rejected the credentials as expired (RequestExpired on ec2:DescribeRegions): refresh them (e.g. 'aws sso login', or assume the role again) and run the command again. If they are fresh, check the computer's clock.\n",
    );
  });

  test('throttling that outlasts the retries exits 4 after 5 attempts, the default', async () => {
    server = await Ec2QueryServer.start(READY);
    server.failAlways('DescribeTransitGateways', THROTTLED);
    const result = await run();
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(
      "preflight: EC2 throttled ec2:DescribeTransitGateways (RequestLimitExceeded) and it still failed after 5 attempts: the account's API rate is being used by something else; wait a minute and run the command again. To allow more attempts set AWS_MAX_ATTEMPTS (now 5, from the default); AWS_RETRY_MODE=adaptive also slows down when throttled.\n",
    );
    expect(server.calls('DescribeTransitGateways')).toHaveLength(5);
  });

  test('an unknown environment is named before any AWS call', async () => {
    server = await Ec2QueryServer.start(READY);
    const result = await run('--env', 'test');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("preflight: tenant RAA has no environment 'test' (it has: prod, nonprod)\n");
    expect(server.requests).toEqual([]);
  });

  test('--tenant is required', async () => {
    const result = await runCommand(
      (io) => preflightCommand(io),
      ['preflight', '--env', 'prod', '--config', CONFIG],
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("required option '--tenant <ods>' not specified");
  });
});
