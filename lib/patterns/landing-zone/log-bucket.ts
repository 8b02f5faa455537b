import {
  Duration,
  RemovalPolicy,
  Stack,
  Tags,
  aws_iam as iam,
  aws_kms as kms,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** Value of the `nhs-cloud:purpose` tag: audit-log buckets are checked for Object Lock by cdk-nag. */
export type LogBucketPurpose = 'audit-logs' | 'access-logs';

export interface LogBucketProps {
  /** Fixed name from `logBucketName` (other accounts write to it by name). */
  readonly bucketName: string;
  readonly purpose: LogBucketPurpose;
  /** How long objects are kept, in days (the estate's log retention). */
  readonly retentionDays: number;
  /**
   * Customer-managed key for default encryption.
   * @default SSE-S3, which only the access-logs bucket may use: S3 server access logging cannot
   * deliver to an SSE-KMS bucket
   */
  readonly encryptionKey?: kms.IKey;
  /**
   * Bucket that receives this bucket's server access logs.
   * @default none (only for the access-logs bucket itself)
   */
  readonly accessLogsBucket?: s3.IBucket;
}

/**
 * A central log bucket: versioned, TLS 1.2+ only, no public access, bucket-owner objects,
 * retained on delete, with a fixed name. Audit-log buckets also have Object Lock in COMPLIANCE
 * mode for the retention period, so no one (root included) can delete or overwrite a record
 * early; the access-logs bucket cannot (S3 server access logging refuses a default retention).
 *
 * Nothing here derives a replacement-triggering property from config: the name is fixed by
 * naming rules, Object Lock is always on for audit logs, and the retention is an update.
 */
export class LogBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: LogBucketProps) {
    super(scope, id);
    const audit = props.purpose === 'audit-logs';
    if (!props.encryptionKey && audit) {
      throw new Error(
        `LogBucket ${props.bucketName}: an audit-log bucket needs encryptionKey (a customer-managed key)`,
      );
    }
    this.bucket = new s3.Bucket(this, 'Resource', {
      bucketName: props.bucketName,
      versioned: true,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: props.encryptionKey ? s3.BucketEncryption.KMS : s3.BucketEncryption.S3_MANAGED,
      encryptionKey: props.encryptionKey,
      bucketKeyEnabled: props.encryptionKey ? true : undefined,
      objectLockEnabled: audit ? true : undefined,
      objectLockDefaultRetention: audit
        ? s3.ObjectLockRetention.compliance(Duration.days(props.retentionDays))
        : undefined,
      lifecycleRules: [
        {
          id: 'retention',
          transitions: [
            { storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: Duration.days(90) },
          ],
          expiration: Duration.days(props.retentionDays),
          // Audit logs are under Object Lock; the access logs cannot be, so a deleted or
          // overwritten access log stays recoverable, as a noncurrent version, for the retention.
          noncurrentVersionExpiration: Duration.days(audit ? 1 : props.retentionDays),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Tags.of(this.bucket).add('nhs-cloud:purpose', props.purpose);
    if (props.accessLogsBucket) this.logAccessTo(props.accessLogsBucket);
  }

  /**
   * Server access logs to the access-logs bucket, granted by bucket policy (never an ACL), set
   * here rather than through `serverAccessLogsBucket`, whose behaviour depends on a feature flag.
   */
  private logAccessTo(target: s3.IBucket): void {
    const cfn = this.bucket.node.defaultChild as s3.CfnBucket;
    const prefix = `${cfn.bucketName}/`;
    cfn.loggingConfiguration = {
      destinationBucketName: target.bucketName,
      logFilePrefix: prefix,
    };
    target.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: `AccessLogsFrom${this.node.id}`,
        principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [target.arnForObjects(`${prefix}*`)],
        conditions: {
          ArnLike: { 'aws:SourceArn': this.bucket.bucketArn },
          StringEquals: { 'aws:SourceAccount': Stack.of(this).account },
        },
      }),
    );
  }
}
