import { aws_kms as kms } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { AccountBaseline, BASELINE_ID } from '../../patterns/baseline/account-baseline';
import { LogBucket } from '../../patterns/landing-zone/log-bucket';
import {
  allowCloudTrail,
  allowConfig,
  allowLogDeliveryService,
} from '../../patterns/landing-zone/log-delivery';
import { GuardrailAlarms } from '../../patterns/landing-zone/guardrail-alarms';
import { OrganizationTrail, trailArn } from '../../patterns/landing-zone/organization-trail';
import { executionRolePattern, retainedKey } from '../../patterns/landing-zone/retained-key';
import { EstateModel } from '../../config/model';
import { LandingZoneConfig } from '../../config/schema/landing-zone-schema';
import { planCoreBaseline } from '../../planners/landing-zone/baseline-plan';
import { planGuardrailAlarms } from '../../planners/landing-zone/guardrail-alarms';
import { organizationScope } from '../../planners/landing-zone/organization-scope';
import { platformRoleNames } from '../../planners/landing-zone/platform-principals';
import { planTrailSelectors } from '../../planners/landing-zone/trail-selectors';
import { logBucketName, LogPurpose } from '../../planners/naming';
import { CoreStack } from '../core-stack';

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

export interface LogArchiveStackProps {
  readonly model: EstateModel;
  readonly landingZone: LandingZoneConfig;
}

/**
 * Core-LogArchive: the central, immutable log archive. One bucket per log purpose with the
 * names every account writes to, the organization trail (this account is CloudTrail's
 * delegated administrator; the management account owns the trail), the trail's CloudWatch Logs
 * copy and the guardrail alarms on it, the grants that let the organization's delivery services
 * write, and the account's own baseline. CloudTrail and AWS Config share the audit bucket and its
 * key; network logs have their own key.
 */
export class LogArchiveStack extends CoreStack {
  readonly buckets: Readonly<Record<LogPurpose, LogBucket>>;
  readonly trail: OrganizationTrail;

  constructor(scope: Construct, id: string, props: LogArchiveStackProps) {
    super(scope, id, { estate: props.model.estate, role: 'logArchive' });
    const { model, landingZone: lz } = props;
    const { estate } = model;
    const baseline = new AccountBaseline(this, BASELINE_ID, {
      plan: planCoreBaseline(estate.homeRegion, estate, lz),
    });
    const retentionDays = estate.security.logRetention;
    const organization = organizationScope(model, lz);
    // The log archive's own administrators cannot delete, disable or re-policy these keys.
    const policyChangedOnlyBy = executionRolePattern(this.account, lz.cdkQualifier);
    const auditKey = retainedKey(this, 'AuditLogsKey', {
      alias: `alias/${estate.name}/audit-logs`,
      description: 'Organization CloudTrail and AWS Config history',
      policyChangedOnlyBy,
    });
    const networkKey = retainedKey(this, 'NetworkLogsKey', {
      alias: `alias/${estate.name}/network-logs`,
      description: 'VPC flow logs, DNS query logs and Network Firewall logs',
      policyChangedOnlyBy,
    });
    const accessLogs = new LogBucket(this, BUCKET_IDS['access-logs'], {
      bucketName: logBucketName(estate, 'access-logs'),
      purpose: 'access-logs',
      retentionDays,
    });
    const auditBucket = (purpose: LogPurpose, key: kms.IKey) =>
      new LogBucket(this, BUCKET_IDS[purpose], {
        bucketName: logBucketName(estate, purpose),
        purpose: 'audit-logs',
        retentionDays,
        encryptionKey: key,
        accessLogsBucket: accessLogs.bucket,
      });
    const buckets = {
      'access-logs': accessLogs,
      cloudtrail: auditBucket('cloudtrail', auditKey),
    } as Record<LogPurpose, LogBucket>;
    for (const purpose of NETWORK_LOGS) {
      buckets[purpose] = auditBucket(purpose, networkKey);
      allowLogDeliveryService(buckets[purpose].bucket, networkKey, organization);
    }
    const trailName = `${estate.name}-organization`;
    const management = estate.organization.accounts.management;
    allowCloudTrail(buckets.cloudtrail.bucket, auditKey, trailArn(this, trailName, management), management);
    allowConfig(
      buckets.cloudtrail.bucket,
      auditKey,
      organization,
      `arn:aws:iam::*:role/${platformRoleNames(estate.name).config}`,
    );
    const alarms = new GuardrailAlarms(this, 'GuardrailAlarms', {
      plan: planGuardrailAlarms(estate.name),
      key: auditKey,
      retentionDays,
      securityAccount: estate.organization.accounts.security,
    });
    this.trail = new OrganizationTrail(this, 'OrganizationTrail', {
      trailName,
      bucket: buckets.cloudtrail.bucket,
      key: auditKey,
      selectors: planTrailSelectors(model),
      cloudWatchLogs: { logGroup: alarms.logGroup, role: alarms.deliveryRole },
    });
    this.buckets = buckets;
    // The account's own Config delivery channel writes to the audit bucket in this stack.
    const policy = buckets.cloudtrail.bucket.policy;
    if (policy) baseline.node.addDependency(policy);
  }
}
