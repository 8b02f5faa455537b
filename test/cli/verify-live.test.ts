import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TgwExpected } from '../../lib/aws/tgw-expected';
import { EstateModel } from '../../lib/config';
import { verifyLiveCommand, VerifyLiveDeps } from '../../lib/cli/commands/verify-live';
import {
  DENIED,
  Ec2Fixtures,
  Ec2QueryServer,
  fastRetry,
  TEST_CREDENTIALS,
} from '../support/ec2-query-server';
import { runCommand, writeTestConfig } from '../support/ec2-fixtures/run-command';

const CONFIG = writeTestConfig();
afterAll(() => rmSync(CONFIG, { recursive: true, force: true }));

const HUB: Ec2Fixtures = {
  transitGateways: [{ id: 'tgw-0hub', ownerId: '100000000004' }],
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

function writeExpected(model: unknown): string {
  const file = join(CONFIG, `expected-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(model));
  return file;
}

let server: Ec2QueryServer;
afterEach(() => server?.close());

async function verifyLive(args: string[], deps: VerifyLiveDeps = {}) {
  server = await Ec2QueryServer.start(HUB);
  return run(args, deps);
}

function run(args: string[], deps: VerifyLiveDeps = {}) {
  return runCommand(
    (io) =>
      verifyLiveCommand(io, {
        clientDefaults: { credentials: TEST_CREDENTIALS, retryStrategy: fastRetry() },
        ...deps,
      }),
    ['verify-live', '--config', CONFIG, '--endpoint', server.url, ...args],
  );
}

describe('nhs-cloud verify-live', () => {
  test('a gateway matching --expected exits 0; calls are signed for the home region', async () => {
    const result = await verifyLive(['--expected', writeExpected(EXPECTED)]);
    expect(result).toEqual({
      code: 0,
      stdout: 'tgw-0hub: 1 route table read, no differences from the expected model\n',
      stderr: '',
    });
    expect(new Set(server.requests.map((r) => r.region))).toEqual(new Set(['eu-west-2']));
  });

  test('drift is printed and exits 1', async () => {
    const drifted: TgwExpected = {
      routeTables: [
        { ...EXPECTED.routeTables[0], staticRoutes: [{ cidr: '0.0.0.0/0', target: 'blackhole' }] },
        { name: 'spokes-nonprod', associations: [], propagations: [], staticRoutes: [] },
      ],
    };
    const result = await verifyLive(['--expected', writeExpected(drifted)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        'tgw-0hub: 1 route table read, 2 differences from the expected model',
        '  changed  spokes-prod: static route 0.0.0.0/0 goes to inspection, expected blackhole',
        '  missing  route table spokes-nonprod does not exist',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe('verify-live: 2 differences from the expected model\n');
  });

  test('--format json lists each difference with its message', async () => {
    const result = await verifyLive(['--format', 'json', '--expected', writeExpected({ routeTables: [] })]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).drift).toEqual([
      {
        kind: 'extra',
        subject: 'route-table',
        routeTable: 'spokes-prod',
        actual: 'tgw-rtb-prod',
        message: 'route table spokes-prod (tgw-rtb-prod) is not in the expected model',
      },
    ]);
  });

  test('the planner hook receives the loaded estate when no --expected is given', async () => {
    const seen: EstateModel[] = [];
    const result = await verifyLive([], { expectedFrom: (model) => (seen.push(model), EXPECTED) });
    expect(result.code).toBe(0);
    expect(seen.map((m) => m.estate.name)).toEqual(['test-estate']);
  });

  test('with neither --expected nor a planner it says what to pass, before any AWS call', async () => {
    const result = await verifyLive([]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'verify-live: no expected model: pass --expected FILE (the network planner is not wired in yet)\n',
    );
    expect(server.requests).toEqual([]);
  });

  test('an invalid --expected file is reported with the file name', async () => {
    const file = writeExpected({ routeTables: [{ name: 'x' }] });
    const result = await verifyLive(['--expected', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`verify-live: ${file}: invalid expected transit gateway model:`);
  });

  test('a missing permission exits 1 naming the IAM action', async () => {
    server = await Ec2QueryServer.start(HUB);
    server.failAlways('SearchTransitGatewayRoutes', DENIED);
    const result = await run(['--expected', writeExpected(EXPECTED)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'verify-live: Missing IAM permission ec2:SearchTransitGatewayRoutes (UnauthorizedOperation): allow ec2:SearchTransitGatewayRoutes for the role these credentials use.\n',
    );
  });
});
