import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { EC2Client } from '@aws-sdk/client-ec2';
import { allEnvironments, EstateModel, TenantEnvironment } from '../config/model';
import { landingZoneOf } from '../config/schema/landing-zone-schema';
import { BOOTSTRAP_VERSION } from '../planners/landing-zone/cdk-bootstrap';
import { tenantStackName } from '../planners/naming';
import { bootstrapStacks, checkBootstrap, describeStacks } from './checks/bootstrap';
import { CheckResult, fetchShared, ItemsRead, withData } from './checks/check-result';
import { checkConfigRecorder, findConfigRecorders } from './checks/config-recorder';
import { checkRegion, isRegionEnabled, readRegionStatus } from './checks/region';
import {
  checkAttachmentQuota,
  checkTransitGateway,
  chooseTgw,
  countAttachments,
  findSharedTgws,
} from './checks/transit-gateway';
import { checkAccount, checkCidrOverlap, checkDefaultVpc, checkVpcQuota, listVpcs } from './checks/vpcs';
import { checkZones, readZones } from './checks/zones';

export type { CheckId, CheckResult, Verdict } from './checks/check-result';

export interface PreflightOptions {
  readonly model: EstateModel;
  readonly environment: TenantEnvironment;
  /** An EC2 client for a region: the environment's, and the home region's for the region check. */
  readonly ec2: (region: string) => EC2Client;
  /**
   * The shared transit gateway the spoke will attach to.
   * @default the only one the network account shares, if it shares exactly one
   */
  readonly transitGatewayId?: string;
  /**
   * A CloudFormation client for the environment's region: with it, the bootstrap and Config
   * recorder checks run too.
   * @default those checks are left out
   */
  readonly cloudformation?: (region: string) => CloudFormationClient;
}

export interface PreflightReport {
  readonly tenant: string;
  readonly environment: string;
  readonly accountId?: string;
  readonly region: string;
  readonly cidr: string;
  readonly checks: readonly CheckResult[];
}

/**
 * Checks a tenant account is ready for its first deploy, with that account's credentials.
 * A missing IAM permission fails only the checks that needed it; expired credentials and
 * exhausted throttling retries throw an AwsCallError, since every later call would fail too.
 */
export async function runPreflight(options: PreflightOptions): Promise<PreflightReport> {
  const { model, environment: env } = options;
  const report = (checks: CheckResult[]): PreflightReport => ({
    tenant: env.tenant.odsCode,
    environment: env.name,
    accountId: env.accountId,
    region: env.region,
    cidr: env.cidr,
    checks,
  });

  // Asked of the home region: a region that is not enabled cannot answer for itself.
  const status = await fetchShared(() => readRegionStatus(options.ec2(model.estate.homeRegion), env.region));
  const region = withData(
    'region',
    status,
    (s) => checkRegion(env.region, s.status),
    (s) => read(s.regionsRead, 'regions'),
  );
  if (status.ok && !isRegionEnabled(status.value.status)) return report([region]);

  const ec2 = options.ec2(env.region);
  const zones = await fetchShared(() => readZones(ec2, env.region));
  const vpcs = await fetchShared(() => listVpcs(ec2));
  const network = model.estate.organization.accounts.network;
  const tgws = await fetchShared(() => findSharedTgws(ec2, network, options.transitGatewayId));
  const chosen = tgws.ok ? chooseTgw(tgws.value.items, options.transitGatewayId) : undefined;
  const attachments = await fetchShared(async () => (chosen ? countAttachments(ec2, chosen.id) : undefined));
  const vpcsRead = (v: readonly unknown[]) => read(v.length, 'VPCs');

  const deployChecks: CheckResult[] = [];
  if (options.cloudformation) {
    const cfn = options.cloudformation(env.region);
    const stacks = await fetchShared(() => describeStacks(cfn));
    const qualifier = landingZoneOf(model.estate).cdkQualifier;
    const stacksRead = (s: readonly unknown[]) => read(s.length, 'stacks');
    deployChecks.push(
      withData(
        'bootstrap',
        stacks,
        (s) => checkBootstrap(qualifier, BOOTSTRAP_VERSION, bootstrapStacks(s)),
        stacksRead,
      ),
    );
    const own = tenantStackName(env.tenant.odsCode, env.name);
    const recorders = stacks.ok
      ? await fetchShared(() => findConfigRecorders(cfn, stacks.value, own))
      : stacks;
    deployChecks.push(
      withData('config-recorder', recorders, checkConfigRecorder, () =>
        stacks.ok ? stacksRead(stacks.value) : undefined,
      ),
    );
  }

  return report([
    region,
    withData('account', vpcs, (v) => checkAccount(env, v), vpcsRead),
    withData('cidr-overlap', vpcs, (v) => checkCidrOverlap(env, v), vpcsRead),
    withData('default-vpc', vpcs, (v) => checkDefaultVpc(env.region, v), vpcsRead),
    withData(
      'transit-gateway',
      tgws,
      (t) => checkTransitGateway(network, env.region, t.items, options.transitGatewayId),
      (t) => read(t.read, 'transit gateways'),
    ),
    withData('vpc-quota', vpcs, (v) => checkVpcQuota(env, v), vpcsRead),
    withData(
      'zones',
      zones,
      (z) => checkZones(env.region, model.estate.availabilityZones[env.region] ?? [], z),
      (z) => read(z.length, 'zones'),
    ),
    withData(
      'tgw-attachment-quota',
      attachments,
      (count) => checkAttachmentQuota(chosen?.id, count?.items),
      (count) => count && read(count.read, 'attachments'),
    ),
    ...deployChecks,
  ]);
}

const read = (count: number, of: string): ItemsRead => ({ count, of });

/** The environment named on the command line, or why there is none. */
export function findEnvironment(
  model: EstateModel,
  odsCode: string,
  name: string,
): { environment: TenantEnvironment } | { error: string } {
  const all = allEnvironments(model);
  const environment = all.find((e) => e.tenant.odsCode === odsCode.toUpperCase() && e.name === name);
  if (environment) return { environment };
  const tenant = model.tenants.find((t) => t.odsCode === odsCode.toUpperCase());
  if (!tenant) return { error: `no tenant with ODS code ${odsCode} in config` };
  return {
    error: `tenant ${tenant.odsCode} has no environment '${name}' (it has: ${Object.keys(tenant.environments).join(', ')})`,
  };
}
