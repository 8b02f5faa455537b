import { rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { preflightCommand } from '../../lib/cli/commands/preflight';
import { BOOTSTRAP_VERSION } from '../../lib/planners/landing-zone/cdk-bootstrap';
import { CloudFormationQueryServer } from '../support/cloudformation-query-server';
import { Ec2QueryServer, FAST_CLIENT } from '../support/ec2-query-server';
import { runCommand, writeTestConfig } from '../support/ec2-fixtures/run-command';

const CONFIG = writeTestConfig();
afterAll(() => rmSync(CONFIG, { recursive: true, force: true }));

describe('nhs-cloud preflight --cloudformation-endpoint', () => {
  it('adds the bootstrap and Config recorder checks, and fails on a missing bootstrap', async () => {
    const ec2 = await Ec2QueryServer.start({
      regions: [{ name: 'eu-west-2', optInStatus: 'opt-in-not-required' }],
      transitGateways: [{ id: 'tgw-0hub', ownerId: '100000000004' }],
    });
    const cfn = await CloudFormationQueryServer.start([
      {
        name: 'CDKToolkit',
        parameters: { Qualifier: 'other' },
        outputs: { BootstrapVersion: String(BOOTSTRAP_VERSION) },
      },
    ]);
    try {
      const result = await runCommand(
        (io) => preflightCommand(io, FAST_CLIENT),
        [
          'preflight',
          '--tenant',
          'RAA',
          '--env',
          'prod',
          '--config',
          CONFIG,
          '--endpoint',
          ec2.url,
          '--cloudformation-endpoint',
          cfn.url,
        ],
      );
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(
        '  FAIL  bootstrap             not bootstrapped with qualifier hnb659fds; found only other (CDKToolkit)',
      );
      expect(result.stdout).toContain('  PASS  config-recorder       no Config recorder from another stack');
      expect(cfn.actions).toEqual(['DescribeStacks', 'ListStackResources']);
    } finally {
      await ec2.close();
      await cfn.close();
    }
  });
});

describe('nhs-cloud preflight against a CloudFormation endpoint that is not CloudFormation', () => {
  it('fails closed (exit 4, naming the endpoint) instead of passing the Config recorder check on an empty list', async () => {
    const ec2 = await Ec2QueryServer.start({
      regions: [{ name: 'eu-west-2', optInStatus: 'opt-in-not-required' }],
      transitGateways: [{ id: 'tgw-0hub', ownerId: '100000000004' }],
    });
    // A TLS-inspecting proxy's page: the SDK would read it as "no stacks".
    const proxy = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Access policy: sign in to continue</body></html>');
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      const result = await runCommand(
        (io) => preflightCommand(io, FAST_CLIENT),
        [
          'preflight',
          '--tenant',
          'RAA',
          '--env',
          'prod',
          '--config',
          CONFIG,
          '--endpoint',
          ec2.url,
          '--cloudformation-endpoint',
          url,
        ],
      );
      expect(result.code).toBe(4);
      expect(result.stderr).toContain(
        `preflight: the endpoint at ${url} did not answer as CloudFormation (a proxy?): cloudformation:DescribeStacks got HTTP 200 with an HTML page`,
      );
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await ec2.close();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});
