import { aws_kms as kms } from 'aws-cdk-lib';
import { AccountBaseline } from '../../patterns/baseline/account-baseline';
import { LogBucket } from '../../patterns/landing-zone/log-bucket';
import {
  allowCloudTrail,
  allowConfig,
  allowLogDeliveryService,
} from '../../patterns/landing-zone/log-delivery';
import { OrganizationTrail, trailArn } from '../../patterns/landing-zone/organization-trail';
import { retainedKey } from '../../patterns/landing-zone/retained-key';
import { EstateModel } from '../../config/model';
import { LandingZoneConfig } from '../../config/schema/landing-zone-schema';
import { organizationScope } from '../../planners/landing-zone/organization-scope';
import { platformRoleNames } from '../../planners/landing-zone/platform-principals';
import { planTrailSelectors } from '../../planners/landing-zone/trail-selectors';
import { logBucketName, LogPurpose } from '../../planners/naming';
import { EstateStack } from '../estate-stack';

/** Network log destinations: written by the log delivery service from every account. */
const NETWORK_LOGS: readonly LogPurpose[] = ['vpc-flow-logs', 'dns-query-logs', 'network-firewall'];

/** Construct IDs of the buckets: contract, so logical IDs never change. */
const BUCKET_IDS: Readonly<Record<LogPurpose, string>> = {
  cloudtrail: 'CloudTrailBucket',
  'vpc-flow-logs': 'VpcFlowLogsBucket',
  'dns-query-logs': 'DnsQueryLogsBucket',
  'network-firewall': 'NetworkFirewallBucket',
  'access-logs': 'AccessLogsBucket',
};

export interface LogArchive {
  readonly buckets: Readonly<Record<LogPurpose, LogBucket>>;
  readonly trail: OrganizationTrail;
}

/**
 * The central, immutable log archive: one bucket per log purpose with the names every account
 * writes to, the organization trail (this account is CloudTrail's delegated administrator), and
 * the grants that let the organization's delivery services write. CloudTrail and AWS Config
 * share the audit bucket and its key; network logs have their own key.
 */
export function addLogArchive(
  stack: EstateStack,
  model: EstateModel,
  lz: LandingZoneConfig,
  baseline: AccountBaseline,
): LogArchive {
  const { estate } = model;
  const retentionDays = estate.security.logRetention;
  const scope = organizationScope(model, lz);
  const auditKey = retainedKey(stack, 'AuditLogsKey', {
    alias: `alias/${estate.name}/audit-logs`,
    description: 'Organization CloudTrail and AWS Config history',
  });
  const networkKey = retainedKey(stack, 'NetworkLogsKey', {
    alias: `alias/${estate.name}/network-logs`,
    description: 'VPC flow logs, DNS query logs and Network Firewall logs',
  });
  const accessLogs = new LogBucket(stack, BUCKET_IDS['access-logs'], {
    bucketName: logBucketName(estate, 'access-logs'),
    purpose: 'access-logs',
    retentionDays,
  });
  const auditBucket = (purpose: LogPurpose, key: kms.IKey) =>
    new LogBucket(stack, BUCKET_IDS[purpose], {
      bucketName: logBucketName(estate, purpose),
      purpose: 'audit-logs',
      retentionDays,
      encryptionKey: key,
      accessLogsBucket: accessLogs.bucket,
    });
  const buckets = { 'access-logs': accessLogs, cloudtrail: auditBucket('cloudtrail', auditKey) } as Record<
    LogPurpose,
    LogBucket
  >;
  for (const purpose of NETWORK_LOGS) {
    buckets[purpose] = auditBucket(purpose, networkKey);
    allowLogDeliveryService(buckets[purpose].bucket, networkKey, scope);
  }
  const trailName = `${estate.name}-organization`;
  allowCloudTrail(buckets.cloudtrail.bucket, auditKey, trailArn(stack, trailName), stack.account);
  allowConfig(
    buckets.cloudtrail.bucket,
    auditKey,
    scope,
    `arn:aws:iam::*:role/${platformRoleNames(estate.name).config}`,
  );
  const trail = new OrganizationTrail(stack, 'OrganizationTrail', {
    trailName,
    bucket: buckets.cloudtrail.bucket,
    key: auditKey,
    selectors: planTrailSelectors(model),
  });
  // The account's own Config delivery channel writes to the audit bucket in this stack.
  const policy = buckets.cloudtrail.bucket.policy;
  if (policy) baseline.node.addDependency(policy);
  return { buckets, trail };
}
