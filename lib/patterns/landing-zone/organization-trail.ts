import {
  Stack,
  aws_cloudtrail as cloudtrail,
  aws_iam as iam,
  aws_kms as kms,
  aws_logs as logs,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { EventSelectorPlan } from '../../planners/landing-zone/trail-selectors';

export interface OrganizationTrailProps {
  readonly trailName: string;
  readonly bucket: s3.IBucket;
  readonly key: kms.IKey;
  /** From `planTrailSelectors`. */
  readonly selectors: readonly EventSelectorPlan[];
  /** A CloudWatch Logs copy, for alarms: the log group and the role CloudTrail writes with. */
  readonly cloudWatchLogs?: { readonly logGroup: logs.ILogGroup; readonly role: iam.IRole };
}

/**
 * The trail's ARN, known before it exists, so bucket and key policies can name it. An
 * organization trail belongs to the management account even when a delegated administrator
 * creates it, so its ARN (and `aws:SourceArn` in the policies) names the management account
 * ("Organization trails", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/creating-trail-organization.html).
 */
export function trailArn(scope: Construct, trailName: string, managementAccount: string): string {
  return `arn:aws:cloudtrail:${Stack.of(scope).region}:${managementAccount}:trail/${trailName}`;
}

/**
 * The organization trail: every account, every region, global service events, log-file
 * integrity validation, encrypted with the log archive's CloudTrail key, management events and
 * S3 data events on patient-data buckets; optionally copied to CloudWatch Logs for alarms.
 */
export class OrganizationTrail extends Construct {
  readonly trail: cloudtrail.CfnTrail;

  constructor(scope: Construct, id: string, props: OrganizationTrailProps) {
    super(scope, id);
    this.trail = new cloudtrail.CfnTrail(this, 'Resource', {
      trailName: props.trailName,
      isLogging: true,
      isOrganizationTrail: true,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      s3BucketName: props.bucket.bucketName,
      kmsKeyId: props.key.keyArn,
      cloudWatchLogsLogGroupArn: props.cloudWatchLogs?.logGroup.logGroupArn,
      cloudWatchLogsRoleArn: props.cloudWatchLogs?.role.roleArn,
      advancedEventSelectors: props.selectors.map((s) => ({
        name: s.name,
        fieldSelectors: s.fieldSelectors.map((f) => ({
          field: f.field,
          equalTo: f.equalTo && [...f.equalTo],
          startsWith: f.startsWith && [...f.startsWith],
          notStartsWith: f.notStartsWith && [...f.notStartsWith],
        })),
      })),
    });
    // The trail checks it can write when it is created, so the bucket policy must exist first.
    const policy = props.bucket.policy;
    if (policy) this.trail.node.addDependency(policy);
    // Likewise the role's permission to write to the log group.
    if (props.cloudWatchLogs) this.trail.node.addDependency(props.cloudWatchLogs.role);
  }
}
