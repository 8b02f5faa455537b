import { App, Stack, aws_kms as kms } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { LogBucket } from '../../../lib/patterns/landing-zone/log-bucket';

const app = new App({ analyticsReporting: false, builtinCloudFormationValidation: false });
const stack = new Stack(app, 'LogArchive', { env: { account: '100000000002', region: 'eu-west-2' } });
const access = new LogBucket(stack, 'Access', {
  bucketName: 'nhs-cloud-access-logs-100000000002-eu-west-2',
  purpose: 'access-logs',
  retentionDays: 2922,
});
new LogBucket(stack, 'Trail', {
  bucketName: 'nhs-cloud-cloudtrail-100000000002-eu-west-2',
  purpose: 'audit-logs',
  retentionDays: 2922,
  encryptionKey: new kms.Key(stack, 'Key'),
  accessLogsBucket: access.bucket,
});
const template = Template.fromStack(stack);
const bucket = (name: string) =>
  Object.values(template.findResources('AWS::S3::Bucket', { Properties: { BucketName: name } }))[0]!;
const trail = bucket('nhs-cloud-cloudtrail-100000000002-eu-west-2');
const accessLogs = bucket('nhs-cloud-access-logs-100000000002-eu-west-2');

describe('LogBucket', () => {
  it('locks audit logs in COMPLIANCE mode for the retention period, versioned, and tags them audit-logs', () => {
    expect(trail.Properties).toMatchObject({
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 2922 } },
      },
      VersioningConfiguration: { Status: 'Enabled' },
      Tags: [{ Key: 'nhs-cloud:purpose', Value: 'audit-logs' }],
    });
  });

  it('encrypts audit logs with the customer-managed key and an S3 bucket key', () => {
    expect(trail.Properties.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [
        {
          BucketKeyEnabled: true,
          ServerSideEncryptionByDefault: {
            SSEAlgorithm: 'aws:kms',
            KMSMasterKeyID: { 'Fn::GetAtt': [expect.stringMatching(/^Key/), 'Arn'] },
          },
        },
      ],
    });
  });

  it('retains buckets on delete and on replacement', () => {
    for (const b of [trail, accessLogs])
      expect(b).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('blocks public access and ACLs', () => {
    expect(trail.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
  });

  it('denies plain HTTP and TLS older than 1.2', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: Match.stringLikeRegexp('^Trail') },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Deny', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
        ]),
      },
    });
  });

  it('logs access to the access-logs bucket by bucket policy, not ACL', () => {
    expect(trail.Properties.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: expect.stringMatching(/^Access/) },
      LogFilePrefix: 'nhs-cloud-cloudtrail-100000000002-eu-west-2/',
    });
    expect(accessLogs.Properties.AccessControl).toBeUndefined();
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: Match.stringLikeRegexp('^Access') },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Action: 's3:PutObject',
            Condition: {
              ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [Match.stringLikeRegexp('^Trail'), 'Arn'] } },
              StringEquals: { 'aws:SourceAccount': '100000000002' },
            },
          }),
        ]),
      },
    });
  });

  it('gives the access-logs bucket no Object Lock (S3 server access logging refuses one) and SSE-S3', () => {
    expect(accessLogs.Properties.ObjectLockEnabled).toBeUndefined();
    expect(accessLogs.Properties.Tags).toEqual([{ Key: 'nhs-cloud:purpose', Value: 'access-logs' }]);
    expect(
      accessLogs.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0]
        .ServerSideEncryptionByDefault,
    ).toEqual({ SSEAlgorithm: 'AES256' });
  });

  it('expires objects at the end of the retention period', () => {
    expect(trail.Properties.LifecycleConfiguration.Rules[0]).toMatchObject({
      ExpirationInDays: 2922,
      Status: 'Enabled',
    });
  });

  it('refuses an audit-log bucket without a customer-managed key', () => {
    const other = new Stack(new App(), 'Other');
    expect(
      () => new LogBucket(other, 'B', { bucketName: 'b', purpose: 'audit-logs', retentionDays: 1 }),
    ).toThrow('LogBucket b: an audit-log bucket needs encryptionKey (a customer-managed key)');
  });
});
