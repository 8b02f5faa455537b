import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TgwExpected } from '../../lib/aws/tgw-expected';
import { verifyLiveCommand, VerifyLiveDeps } from '../../lib/cli/commands/verify-live';
import { DENIED, Ec2Fixtures, Ec2QueryServer, FAST_CLIENT } from '../support/ec2-query-server';
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
        clientDefaults: FAST_CLIENT,
        defaultAssembly: join(CONFIG, 'no-cdk-out'), // never the repository's own cdk.out
        ...deps,
      }),
    ['verify-live', '--config', CONFIG, '--endpoint', server.url, ...args],
  );
}

describe('nhs-cloud verify-live', () => {
  test('a gateway matching --expected exits 0; calls are signed for the home region', async () => {
    const file = writeExpected(EXPECTED);
    const result = await verifyLive(['--expected', file]);
    expect(result).toEqual({
      code: 0,
      stdout: `expected model: file ${file}\ntgw-0hub: 2 attachments and 1 route table read, no differences from the expected model\n`,
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
    const file = writeExpected(drifted);
    const result = await verifyLive(['--expected', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        `expected model: file ${file}`,
        'tgw-0hub: 2 attachments and 1 route table read, 2 differences from the expected model',
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

  test('with neither --expected nor an assembly it plans from --config, and says so', async () => {
    const result = await verifyLive([]);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(
      `expected model: network plan from config ${CONFIG} (no synthesized assembly of the whole estate)`,
    );
    // The fixture gateway is not this estate's: its segments' tables are missing, by their planned names.
    expect(lines).toContain('  missing  route table test-estate-tenants-prod does not exist');
    expect(lines).toContain('  extra    route table spokes-prod (tgw-rtb-prod) is not in the expected model');
  });

  test('--expected wins over --assembly, which is then not read', async () => {
    const file = writeExpected(EXPECTED);
    const result = await verifyLive(['--expected', file, '--assembly', join(CONFIG, 'missing')]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(`expected model: file ${file}`);
  });

  test('an --assembly without manifest.json fails naming it, before any AWS call', async () => {
    const dir = join(CONFIG, 'not-synthesized');
    const result = await verifyLive(['--assembly', dir]);
    expect(result).toEqual({
      code: 3,
      stdout: '',
      stderr: `verify-live: cannot read the assembly: ${dir}: no manifest.json; run \`npx cdk synth\` first or pass --assembly DIR\n`,
    });
    expect(server.requests).toEqual([]);
  });

  test('the default assembly is used once it has a manifest.json, and a broken one is named', async () => {
    const dir = join(CONFIG, 'cdk.out');
    mkdirSync(dir);
    writeFileSync(join(dir, 'manifest.json'), '{"artifacts": ');
    server = await Ec2QueryServer.start(HUB);
    const result = await run([], { defaultAssembly: dir });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      new RegExp(`^verify-live: cannot read the assembly: ${join(dir, 'manifest.json')}: not valid JSON \\(`),
    );
    expect(server.requests).toEqual([]);
  });

  test('a single-tenant cdk.out (what check leaves) is passed over for the plan; named with --assembly, it is refused', async () => {
    const dir = join(CONFIG, 'cdk.out.one-tenant');
    mkdirSync(dir);
    writeFileSync(join(dir, 'manifest.json'), '{"version": "1", "artifacts": {}}');
    writeFileSync(
      join(dir, 'nhs-cloud-synth.json'),
      JSON.stringify({ version: 1, configDir: CONFIG, configDigest: 'sha256:x', files: {}, tenant: 'RAA' }),
    );
    server = await Ec2QueryServer.start(HUB);
    const auto = await run([], { defaultAssembly: dir });
    expect(auto.stdout.split('\n')[0]).toBe(
      `expected model: network plan from config ${CONFIG} (no synthesized assembly of the whole estate)`,
    );
    const named = await run(['--assembly', dir]);
    expect(named.code).toBe(3);
    expect(named.stderr).toBe(
      `verify-live: ${dir} holds only RAA's stacks (cdk synth -c tenant=RAA), not the whole gateway; synthesize the whole estate, or leave out --assembly to compare with the plan\n`,
    );
  });

  test('an invalid --expected file is reported with the file name', async () => {
    const file = writeExpected({ routeTables: [{ name: 'x' }] });
    const result = await verifyLive(['--expected', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`verify-live: ${file}: invalid expected transit gateway model:`);
  });

  test('a missing permission exits 4 (AWS unavailable) naming the IAM action', async () => {
    server = await Ec2QueryServer.start(HUB);
    server.failAlways('SearchTransitGatewayRoutes', DENIED);
    const result = await run(['--expected', writeExpected(EXPECTED)]);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(
      'verify-live: Missing IAM permission ec2:SearchTransitGatewayRoutes (UnauthorizedOperation): allow ec2:SearchTransitGatewayRoutes for the role these credentials use.\n',
    );
  });
});
