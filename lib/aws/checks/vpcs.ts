import { DescribeVpcsCommand, EC2Client, Vpc } from '@aws-sdk/client-ec2';
import { TenantEnvironment } from '../../config/model';
import { isCidr, overlaps, parseCidr } from '../../net/cidr';
import { MAX_PAGE_SIZE, nameTag, readAllPages } from '../paging';
import { CheckResult } from './check-result';

/** The published default for "VPCs per Region" (quota code L-F678F1CE); EC2 cannot read the applied value. */
export const DEFAULT_VPCS_PER_REGION = 5;

export interface VpcSummary {
  readonly id: string;
  readonly name?: string;
  readonly ownerId?: string;
  readonly isDefault: boolean;
  /** Every IPv4 block associated with the VPC, the primary first. */
  readonly cidrs: readonly string[];
}

export async function listVpcs(ec2: EC2Client): Promise<VpcSummary[]> {
  const vpcs = await readAllPages(
    'ec2:DescribeVpcs',
    (NextToken) => ec2.send(new DescribeVpcsCommand({ MaxResults: MAX_PAGE_SIZE, NextToken })),
    (page) => page.Vpcs,
  );
  return vpcs.map(summarise);
}

function summarise(vpc: Vpc): VpcSummary {
  const associated = (vpc.CidrBlockAssociationSet ?? [])
    .filter((a) => ['associated', 'associating'].includes(a.CidrBlockState?.State ?? ''))
    .map((a) => a.CidrBlock ?? '');
  const cidrs = [...new Set([vpc.CidrBlock ?? '', ...associated])].filter(isCidr);
  return {
    id: vpc.VpcId ?? '?',
    name: nameTag(vpc.Tags),
    ownerId: vpc.OwnerId,
    isDefault: vpc.IsDefault ?? false,
    cidrs,
  };
}

const label = (env: TenantEnvironment) => `${env.tenant.odsCode} ${env.name}`;
const describeVpc = (v: VpcSummary) => (v.name ? `${v.id} (${v.name})` : v.id);

/**
 * EC2 has no caller-identity call, but default VPCs are never shared, so their owner is the
 * caller's account; a VPC owned by the expected account confirms it too.
 */
export function checkAccount(env: TenantEnvironment, vpcs: readonly VpcSummary[]): CheckResult {
  const expected = env.accountId;
  if (!expected) {
    return {
      id: 'account',
      verdict: 'warn',
      message: `${label(env)} has no accountId in config yet, so the account these credentials reach cannot be confirmed`,
      fix: `add accountId to ${env.tenant.file} once the account has been vended`,
    };
  }
  const foreign = vpcs.find((v) => v.isDefault && v.ownerId !== undefined && v.ownerId !== expected);
  if (foreign) {
    return {
      id: 'account',
      verdict: 'fail',
      message: `these credentials are for account ${foreign.ownerId} (owner of default VPC ${foreign.id}), not ${expected} (${label(env)})`,
      fix: `use credentials for account ${expected}, e.g. a profile or role in that account`,
    };
  }
  const own = vpcs.find((v) => v.ownerId === expected);
  if (own) {
    return {
      id: 'account',
      verdict: 'pass',
      message: `credentials are for ${expected} (${label(env)}), the owner of ${describeVpc(own)}`,
    };
  }
  return {
    id: 'account',
    verdict: 'warn',
    message: `could not confirm the credentials are for ${expected}: no VPC here names its owner, and EC2 has no caller-identity call`,
    fix: `run 'aws sts get-caller-identity' with the same credentials and check it reports ${expected}`,
  };
}

export function checkCidrOverlap(env: TenantEnvironment, vpcs: readonly VpcSummary[]): CheckResult {
  const allocated = parseCidr(env.cidr);
  const clashes = vpcs.flatMap((v) =>
    v.cidrs.filter((c) => overlaps(parseCidr(c), allocated)).map((c) => `${describeVpc(v)} ${c}`),
  );
  if (clashes.length === 0) {
    return {
      id: 'cidr-overlap',
      verdict: 'pass',
      message: `no existing VPC overlaps ${env.cidr}`,
    };
  }
  return {
    id: 'cidr-overlap',
    verdict: 'fail',
    message: `${clashes.join('; ')} overlap${clashes.length === 1 ? 's' : ''} ${env.cidr}, the range allocated to ${label(env)}`,
    fix: `the transit gateway cannot route two networks with the same addresses: delete or re-address the overlapping VPC, or ask the platform team to change the allocation in ${env.tenant.file}`,
  };
}

export function checkDefaultVpc(region: string, vpcs: readonly VpcSummary[]): CheckResult {
  const defaults = vpcs.filter((v) => v.isDefault);
  if (defaults.length === 0)
    return { id: 'default-vpc', verdict: 'pass', message: `no default VPC in ${region}` };
  const listed = defaults.map((v) => `${v.id} (${v.cidrs.join(', ')})`).join(', ');
  return {
    id: 'default-vpc',
    verdict: 'warn',
    message: `default VPC ${listed} exists in ${region}; it has an internet gateway that bypasses the hub's inspection and egress controls`,
    fix: `delete it once nothing uses it (VPC console > Your VPCs > Actions > Delete VPC removes its subnets and gateway too)`,
  };
}

/** Counts the VPCs the account owns (shared-in VPCs do not use its quota) plus the spoke about to be created. */
export function checkVpcQuota(env: TenantEnvironment, vpcs: readonly VpcSummary[]): CheckResult {
  const owned = env.accountId
    ? vpcs.filter((v) => v.ownerId === undefined || v.ownerId === env.accountId)
    : vpcs;
  const after = owned.length + 1;
  const caveat = `EC2 cannot read Service Quotas, so this compares with the default of ${DEFAULT_VPCS_PER_REGION} VPCs per region and cannot see a raised quota`;
  if (after <= DEFAULT_VPCS_PER_REGION) {
    return {
      id: 'vpc-quota',
      verdict: 'pass',
      message: `${after} of ${DEFAULT_VPCS_PER_REGION} VPCs in ${env.region} once the spoke is added (${owned.length} existing); ${caveat}`,
    };
  }
  return {
    id: 'vpc-quota',
    verdict: 'warn',
    message: `the spoke would be VPC number ${after} in ${env.region} (${owned.length} existing); ${caveat}`,
    fix: `remove unused VPCs (the default VPC counts), or check 'VPCs per Region' (L-F678F1CE) in Service Quotas and request an increase if it is still ${DEFAULT_VPCS_PER_REGION}`,
  };
}
