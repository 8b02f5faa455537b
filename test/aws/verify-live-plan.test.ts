import { join } from 'node:path';
import { tgwExpectedFromPlan } from '../../lib/aws/tgw-expected-plan';
import { verifyLiveCommand } from '../../lib/cli/commands/verify-live';
import { runCommand } from '../support/ec2-fixtures/run-command';
import { Ec2Fixtures, Ec2QueryServer, filtersOf, FAST_CLIENT } from '../support/ec2-query-server';
import { FIXTURE_ESTATE_DIR, fixtureModel } from '../support/fixture-estate';
import { attachmentId, deployedGateway, withRoutes } from './deployed-gateway';

/**
 * `nhs-cloud verify-live` end to end with no `--expected` and no synthesized assembly: the real
 * CLI and SDK against the local EC2 Query API, holding the example estate's gateway as it
 * would be deployed from the plan.
 */
const planned = deployedGateway(tgwExpectedFromPlan(fixtureModel()));
const HEADER = `expected model: network plan from config ${FIXTURE_ESTATE_DIR} (no synthesized assembly of the whole estate)`;

let server: Ec2QueryServer;
afterEach(() => server?.close());

async function verifyLive(fixtures: Ec2Fixtures, args: string[] = []) {
  server = await Ec2QueryServer.start(fixtures);
  return runCommand(
    (io) =>
      verifyLiveCommand(io, {
        clientDefaults: FAST_CLIENT,
        // Never the repository's own cdk.out: this run must fall back to the plan.
        defaultAssembly: join(__dirname, 'no-assembly-here'),
      }),
    ['verify-live', '--config', FIXTURE_ESTATE_DIR, '--endpoint', server.url, ...args],
  );
}

describe('verify-live planned from config', () => {
  test('a gateway deployed as planned has no differences', async () => {
    const result = await verifyLive(planned);
    expect(result).toEqual({
      code: 0,
      stdout: `${HEADER}\ntgw-0hub: 58 attachments and 9 route tables read, no differences from the expected model\n`,
      stderr: '',
    });
  });

  test('untagged VPN attachments are named by their connections, read in one call for the gateway', async () => {
    await verifyLive(planned);
    const calls = server.calls('DescribeVpnConnections');
    expect(calls).toHaveLength(1);
    expect(filtersOf(calls[0].params)).toEqual(new Map([['transit-gateway-id', ['tgw-0hub']]]));
    // 7 VPN tenants' connections and the Direct Connect gateway carry no Name tag of their own.
    expect(planned.attachments!.filter((a) => a.name === undefined).length).toBeGreaterThan(7);
  });

  test('a missing, an extra and two changed static routes are each reported, and exit 1', async () => {
    const to = (name: string) => ({ attachmentIds: [attachmentId(planned, name)], state: undefined });
    let drifted = withRoutes(planned, 'nhs-cloud-tenants-prod', (routes) =>
      routes.filter((r) => r.cidr !== '10.64.8.0/21'),
    );
    drifted = withRoutes(drifted, 'nhs-cloud-shared-services', (routes) => [
      ...routes,
      { cidr: '10.99.0.0/16', type: 'static', ...to('egress') },
    ]);
    drifted = withRoutes(drifted, 'nhs-cloud-post-inspection', (routes) =>
      routes.map((r) => (r.cidr === '0.0.0.0/0' ? { ...r, ...to('inspection') } : r)),
    );
    drifted = withRoutes(drifted, 'nhs-cloud-tenants-nonprod', (routes) =>
      routes.map((r) => (r.cidr === '10.64.0.0/21' ? { ...r, ...to('RGR-prod') } : r)),
    );
    const result = await verifyLive(drifted);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        HEADER,
        'tgw-0hub: 58 attachments and 9 route tables read, 4 differences from the expected model',
        '  changed  nhs-cloud-post-inspection: static route 0.0.0.0/0 goes to inspection, expected egress',
        '  extra    nhs-cloud-shared-services: unexpected static route 10.99.0.0/16 -> egress',
        '  changed  nhs-cloud-tenants-nonprod: static route 10.64.0.0/21 goes to RGR-prod, expected blackhole',
        '  missing  nhs-cloud-tenants-prod: static route 10.64.8.0/21 -> blackhole does not exist',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe('verify-live: 4 differences from the expected model\n');
  });

  test('an association moved to the other tier is one change, as JSON with the source', async () => {
    const rgrProd = attachmentId(planned, 'RGR-prod');
    const moved: Ec2Fixtures = {
      ...planned,
      routeTables: planned.routeTables!.map((t) => ({
        ...t,
        associations:
          t.name === 'nhs-cloud-tenants-nonprod'
            ? [...(t.associations ?? []), rgrProd]
            : (t.associations ?? []).filter((id) => id !== rgrProd),
      })),
    };
    const result = await verifyLive(moved, ['--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.source).toEqual({ kind: 'plan', path: FIXTURE_ESTATE_DIR });
    expect(report.drift).toEqual([
      {
        kind: 'changed',
        subject: 'association',
        routeTable: 'nhs-cloud-tenants-prod',
        item: 'RGR-prod',
        expected: 'nhs-cloud-tenants-prod',
        actual: 'nhs-cloud-tenants-nonprod',
        message: 'RGR-prod is associated with nhs-cloud-tenants-nonprod, expected nhs-cloud-tenants-prod',
      },
    ]);
  });
});
