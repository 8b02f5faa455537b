import { aws_iam as iam, aws_kms as kms, aws_s3 as s3 } from 'aws-cdk-lib';
import { OrganizationScope } from '../../planners/landing-zone/organization-scope';

/**
 * Resource-policy grants that let the organization's log-delivery services write to a central
 * log bucket and use its key. Writers are recognised by organization (aws:SourceOrgID, or the
 * config's account IDs as a fallback), never by "any account".
 */

const ACL = { 's3:x-amz-acl': 'bucket-owner-full-control' };
const KEY_WRITE = ['kms:GenerateDataKey*', 'kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:DescribeKey'];

function fromOrganization(scope: OrganizationScope): Record<string, Record<string, string[]>> {
  return { StringEquals: { [scope.sourceKey]: [...scope.values] } };
}

/** VPC flow logs, Route 53 Resolver query logs and Network Firewall logs (the delivery.logs service). */
export function allowLogDeliveryService(bucket: s3.IBucket, key: kms.IKey, scope: OrganizationScope): void {
  const principal = new iam.ServicePrincipal('delivery.logs.amazonaws.com');
  bucket.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'LogDeliveryCheck',
      principals: [principal],
      actions: ['s3:GetBucketAcl', 's3:ListBucket'],
      resources: [bucket.bucketArn],
      conditions: fromOrganization(scope),
    }),
  );
  bucket.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'LogDeliveryWrite',
      principals: [principal],
      actions: ['s3:PutObject'],
      resources: [bucket.arnForObjects('AWSLogs/*')],
      conditions: { StringEquals: { ...ACL, [scope.sourceKey]: [...scope.values] } },
    }),
  );
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'LogDeliveryEncrypt',
      principals: [principal],
      actions: KEY_WRITE,
      resources: ['*'],
      conditions: fromOrganization(scope),
    }),
  );
}

/**
 * The organization trail. `trailOwner` is the management account: it owns an organization trail
 * whichever account created it, so the trail's ARN and the key's encryption context name it
 * ("Configure AWS KMS key policies for CloudTrail",
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html).
 */
export function allowCloudTrail(
  bucket: s3.IBucket,
  key: kms.IKey,
  trailArn: string,
  trailOwner: string,
): void {
  const principal = new iam.ServicePrincipal('cloudtrail.amazonaws.com');
  const fromTrail = { 'aws:SourceArn': trailArn };
  bucket.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'CloudTrailCheck',
      principals: [principal],
      actions: ['s3:GetBucketAcl'],
      resources: [bucket.bucketArn],
      conditions: { StringEquals: fromTrail },
    }),
  );
  bucket.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'CloudTrailWrite',
      principals: [principal],
      actions: ['s3:PutObject'],
      // AWSLogs/<this account>/ and AWSLogs/<organization ID>/<account>/ for the organization trail.
      resources: [bucket.arnForObjects('AWSLogs/*')],
      conditions: { StringEquals: { ...ACL, ...fromTrail } },
    }),
  );
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'CloudTrailEncrypt',
      principals: [principal],
      actions: ['kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: {
        StringEquals: fromTrail,
        StringLike: {
          'kms:EncryptionContext:aws:cloudtrail:arn': `arn:aws:cloudtrail:*:${trailOwner}:trail/*`,
        },
      },
    }),
  );
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'CloudTrailDescribe',
      principals: [principal],
      actions: ['kms:DescribeKey'],
      resources: ['*'],
    }),
  );
}

/**
 * AWS Config delivery from every account: the service principal (service-linked role) and the
 * platform's Config recorder role, which delivers as itself.
 */
export function allowConfig(
  bucket: s3.IBucket,
  key: kms.IKey,
  scope: OrganizationScope,
  recorderRolePattern: string,
): void {
  const service = new iam.ServicePrincipal('config.amazonaws.com');
  const role = new iam.AnyPrincipal();
  const asRecorder = {
    StringEquals: { [scope.principalKey]: [...scope.values] },
    ArnLike: { 'aws:PrincipalArn': recorderRolePattern },
  };
  bucket.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'ConfigCheck',
      principals: [service],
      actions: ['s3:GetBucketAcl', 's3:ListBucket'],
      resources: [bucket.bucketArn],
      conditions: fromOrganization(scope),
    }),
  );
  bucket.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'ConfigWrite',
      principals: [service],
      actions: ['s3:PutObject'],
      // Each account writes under its own prefix only (a policy variable of the request).
      resources: [bucket.arnForObjects('AWSLogs/${aws:SourceAccount}/Config/*')],
      conditions: { StringEquals: { ...ACL, [scope.sourceKey]: [...scope.values] } },
    }),
  );
  bucket.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'ConfigRecorderCheck',
      principals: [role],
      actions: ['s3:GetBucketAcl'],
      resources: [bucket.bucketArn],
      conditions: asRecorder,
    }),
  );
  bucket.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'ConfigRecorderWrite',
      principals: [role],
      actions: ['s3:PutObject'],
      resources: [bucket.arnForObjects('AWSLogs/${aws:PrincipalAccount}/Config/*')],
      conditions: { ...asRecorder, StringEquals: { ...asRecorder.StringEquals, ...ACL } },
    }),
  );
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'ConfigEncrypt',
      principals: [service],
      actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
      resources: ['*'],
      conditions: fromOrganization(scope),
    }),
  );
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'ConfigRecorderEncrypt',
      principals: [role],
      actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
      resources: ['*'],
      conditions: asRecorder,
    }),
  );
}
