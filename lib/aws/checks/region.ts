import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { call } from '../aws-errors';
import { CheckResult } from './check-result';

const ENABLED = ['opt-in-not-required', 'opted-in'];

export interface RegionStatus {
  /** The region's opt-in status as this account sees it; undefined when the account cannot see it at all. */
  readonly status?: string;
  /** Regions in the answer (the call asks for one). */
  readonly regionsRead: number;
}

export async function readRegionStatus(ec2: EC2Client, region: string): Promise<RegionStatus> {
  const out = await call('ec2:DescribeRegions', () =>
    ec2.send(
      new DescribeRegionsCommand({ AllRegions: true, Filters: [{ Name: 'region-name', Values: [region] }] }),
    ),
  );
  const regions = out.Regions ?? [];
  return { status: regions.find((r) => r.RegionName === region)?.OptInStatus, regionsRead: regions.length };
}

export function isRegionEnabled(status: string | undefined): boolean {
  return status !== undefined && ENABLED.includes(status);
}

export function checkRegion(region: string, status: string | undefined): CheckResult {
  if (isRegionEnabled(status)) {
    return { id: 'region', verdict: 'pass', message: `${region} is enabled for this account (${status})` };
  }
  if (status === undefined) {
    return {
      id: 'region',
      verdict: 'fail',
      message: `${region} is not a region this account can see; the other checks need it and were not run`,
      fix: `check the environment's region in config (it must be an AWS region name such as eu-west-2)`,
    };
  }
  return {
    id: 'region',
    verdict: 'fail',
    message: `${region} is not enabled for this account (${status}); the other checks need it and were not run`,
    fix: `enable it in the console (Account > AWS Regions) or with 'aws account enable-region --region-name ${region}', wait until it shows ENABLED, then run preflight again`,
  };
}
