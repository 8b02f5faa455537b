import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { createCloudFormationClient } from '../../lib/aws/cloudformation-client';
import { createEc2Client } from '../../lib/aws/ec2-client';
import { CheckResult, runPreflight } from '../../lib/aws/preflight';
import { BOOTSTRAP_VERSION } from '../../lib/planners/landing-zone/cdk-bootstrap';
import { CloudFormationQueryServer, FixtureStack } from '../support/cloudformation-query-server';
import { Ec2QueryServer, testClientOptions } from '../support/ec2-query-server';
import { env, model, READY } from './preflight-setup';

/** The helpers' estate has no landingZone block: the default qualifier. */
const QUALIFIER = 'hnb659fds';
const bootstrap = (
  qualifier: string,
  version: number,
  name = 'StackSet-nhs-cloud-cdk-bootstrap-1a2b',
): FixtureStack => ({
  name,
  parameters: { Qualifier: qualifier, TrustedAccounts: '100000000007' },
  outputs: { BootstrapVersion: String(version), BucketName: `cdk-${qualifier}-assets` },
});

let ec2Server: Ec2QueryServer;
let cfnServer: CloudFormationQueryServer | undefined;
const cfnClients: CloudFormationClient[] = [];
beforeAll(async () => {
  ec2Server = await Ec2QueryServer.start(READY);
});
afterAll(async () => {
  await ec2Server.close();
});
afterEach(async () => {
  for (const c of cfnClients.splice(0)) c.destroy();
  await cfnServer?.close();
});

async function checks(stacks: FixtureStack[], denied: string[] = []): Promise<Record<string, CheckResult>> {
  cfnServer = await CloudFormationQueryServer.start(stacks, denied);
  const report = await runPreflight({
    model,
    environment: env,
    ec2: (region) => createEc2Client(testClientOptions(ec2Server, region)),
    cloudformation: (region) => {
      const client = createCloudFormationClient(cfnServer!.clientOptions(region));
      cfnClients.push(client);
      return client;
    },
  });
  return Object.fromEntries(report.checks.map((c) => [c.id, c]));
}

describe('preflight: bootstrap', () => {
  it('passes with the qualifier from config at the version the estate deploys', async () => {
    const found = await checks([bootstrap(QUALIFIER, BOOTSTRAP_VERSION)]);
    expect(found.bootstrap).toEqual({
      id: 'bootstrap',
      verdict: 'pass',
      message: `bootstrapped with qualifier ${QUALIFIER}, version ${BOOTSTRAP_VERSION} (StackSet-nhs-cloud-cdk-bootstrap-1a2b)`,
      read: { count: 1, of: 'stacks' },
    });
  });

  it('fails on another qualifier, naming what it found', async () => {
    const found = await checks([bootstrap('nhscloud', BOOTSTRAP_VERSION, 'CDKToolkit')]);
    expect(found.bootstrap).toMatchObject({
      verdict: 'fail',
      message: `not bootstrapped with qualifier ${QUALIFIER}; found only nhscloud (CDKToolkit)`,
    });
  });

  it('fails on an older bootstrap', async () => {
    const found = await checks([bootstrap(QUALIFIER, 21)]);
    expect(found.bootstrap).toMatchObject({
      verdict: 'fail',
      message: `bootstrap StackSet-nhs-cloud-cdk-bootstrap-1a2b (qualifier ${QUALIFIER}) is version 21; the estate deploys version ${BOOTSTRAP_VERSION}`,
    });
  });

  it('fails only these checks when DescribeStacks is denied, naming the permission', async () => {
    const found = await checks([], ['DescribeStacks']);
    expect(found.bootstrap).toMatchObject({
      verdict: 'fail',
      message: 'not checked: missing IAM permission cloudformation:DescribeStacks (AccessDenied)',
    });
    expect(found['config-recorder']!.verdict).toBe('fail');
    expect(found.region!.verdict).toBe('pass');
  });
});

describe('preflight: Config recorder in an adopted account', () => {
  it("fails on another stack's recorder and ignores the environment's own", async () => {
    const found = await checks([
      bootstrap(QUALIFIER, BOOTSTRAP_VERSION),
      {
        name: 'Tenant-RAA-prod',
        resources: { BaselineConfig: ['AWS::Config::ConfigurationRecorder', 'baseline'] },
      },
      {
        name: 'StackSet-AWSControlTowerBP-BASELINE-CONFIG-0c1d',
        resources: {
          ConfigRecorder: ['AWS::Config::ConfigurationRecorder', 'aws-controltower-BaselineConfigRecorder'],
        },
      },
    ]);
    expect(found['config-recorder']).toMatchObject({
      verdict: 'fail',
      message:
        "Config recorder aws-controltower-BaselineConfigRecorder (stack StackSet-AWSControlTowerBP-BASELINE-CONFIG-0c1d) already records this region; the baseline's recorder would fail to deploy",
    });
  });

  it('passes with none', async () => {
    const found = await checks([bootstrap(QUALIFIER, BOOTSTRAP_VERSION)]);
    expect(found['config-recorder']!.verdict).toBe('pass');
  });
});
