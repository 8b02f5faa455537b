import { EC2Client } from '@aws-sdk/client-ec2';
import { allEnvironments, EstateModel, TenantEnvironment } from '../../lib/config/model';
import { createEc2Client } from '../../lib/aws/ec2-client';
import { PreflightReport, runPreflight } from '../../lib/aws/preflight';
import { run } from '../config/helpers';
import { Ec2Fixtures, Ec2QueryServer, testClientOptions } from '../support/ec2-query-server';

/**
 * Shared by the preflight tests. The helpers' estate: tenant RAA prod is account 200000000003
 * with 10.64.16.0/21 in eu-west-2; the network account is 100000000004.
 */
const result = run();
if (!result.ok) throw new Error('test estate is invalid');
export const model: EstateModel = result.model;
export const env: TenantEnvironment = allEnvironments(model).find(
  (e) => e.tenant.odsCode === 'RAA' && e.name === 'prod',
)!;
export const ACCOUNT = '200000000003';
export const NETWORK = '100000000004';

/** A tenant account ready for its first deploy: one unrelated VPC, the hub TGW shared in. */
export const READY: Ec2Fixtures = {
  regions: [
    { name: 'eu-west-2', optInStatus: 'opt-in-not-required' },
    { name: 'eu-west-1', optInStatus: 'opt-in-not-required' },
    { name: 'eu-south-2', optInStatus: 'not-opted-in' },
  ],
  vpcs: [{ id: 'vpc-0legacy', cidr: '10.200.0.0/16', ownerId: ACCOUNT, name: 'legacy-pas' }],
  transitGateways: [
    { id: 'tgw-0hub', ownerId: NETWORK, name: 'nhs-cloud-hub' },
    { id: 'tgw-0other', ownerId: '999999999999' },
  ],
  attachments: [
    { id: 'tgw-attach-1', transitGatewayId: 'tgw-0hub', resourceId: 'vpc-0legacy' },
    { id: 'tgw-attach-2', transitGatewayId: 'tgw-0hub', state: 'deleted' },
  ],
};

/** One fixture server per test, and the real SDK clients preflight asks for, cleaned up after each. */
export class PreflightHarness {
  server!: Ec2QueryServer;
  private clients: EC2Client[] = [];

  async start(fixtures: Ec2Fixtures, pageSize?: number): Promise<void> {
    this.server = await Ec2QueryServer.start(fixtures, { pageSize });
  }

  run(
    options: { transitGatewayId?: string; environment?: TenantEnvironment } = {},
  ): Promise<PreflightReport> {
    return runPreflight({
      model,
      environment: options.environment ?? env,
      transitGatewayId: options.transitGatewayId,
      ec2: (region) => {
        const client = createEc2Client(testClientOptions(this.server, region));
        this.clients.push(client);
        return client;
      },
    });
  }

  async stop(): Promise<void> {
    this.clients.forEach((c) => c.destroy());
    this.clients = [];
    await this.server?.close();
  }
}

export function usePreflightHarness(): PreflightHarness {
  const harness = new PreflightHarness();
  afterEach(() => harness.stop());
  return harness;
}

export const verdicts = (report: PreflightReport) =>
  Object.fromEntries(report.checks.map((c) => [c.id, c.verdict]));
export const check = (report: PreflightReport, id: string) => report.checks.find((c) => c.id === id)!;
