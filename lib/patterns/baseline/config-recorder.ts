import { Stack, aws_config as config, aws_iam as iam } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export interface ConfigRecorderProps {
  /** Central bucket in the log-archive account that receives snapshots and history. */
  readonly bucketName: string;
  readonly roleName: string;
  /** CONTINUOUS records every change; DAILY records a daily snapshot of what changed. */
  readonly recordingFrequency: 'CONTINUOUS' | 'DAILY';
  /** Record IAM and other global resources (true in the home region only). */
  readonly includeGlobalResourceTypes: boolean;
}

/**
 * AWS Config for the account: a recorder of every supported resource type and a delivery
 * channel to the central log archive. Security Hub's controls are evaluated from what it
 * records, and the security account's organization aggregator reads it.
 */
export class ConfigRecorder extends Construct {
  readonly recorder: config.CfnConfigurationRecorder;

  constructor(scope: Construct, id: string, props: ConfigRecorderProps) {
    super(scope, id);
    const { account, region } = Stack.of(this);
    const bucketArn = `arn:aws:s3:::${props.bucketName}`;
    const role = new iam.Role(this, 'Role', {
      roleName: props.roleName,
      // AWS Config assumes it for this account only (the confused-deputy condition).
      assumedBy: new iam.ServicePrincipal('config.amazonaws.com').withConditions({
        StringEquals: { 'aws:SourceAccount': Stack.of(this).account },
      }),
      description: 'AWS Config recorder: reads resource configuration, delivers to the log archive',
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWS_ConfigRole')],
      inlinePolicies: {
        DeliverToLogArchive: new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({ actions: ['s3:GetBucketAcl'], resources: [bucketArn] }),
            new iam.PolicyStatement({
              actions: ['s3:PutObject'],
              resources: [`${bucketArn}/AWSLogs/${account}/Config/*`],
              conditions: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
            }),
            // The bucket's key lives in the log-archive account; S3 calls KMS on the role's behalf.
            new iam.PolicyStatement({
              actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
              resources: ['*'],
              conditions: { StringEquals: { 'kms:ViaService': `s3.${region}.amazonaws.com` } },
            }),
          ],
        }),
      },
    });
    this.recorder = new config.CfnConfigurationRecorder(this, 'Resource', {
      roleArn: role.roleArn,
      recordingGroup: { allSupported: true, includeGlobalResourceTypes: props.includeGlobalResourceTypes },
      recordingMode: { recordingFrequency: props.recordingFrequency },
    });
    const channel = new config.CfnDeliveryChannel(this, 'DeliveryChannel', {
      s3BucketName: props.bucketName,
      configSnapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' },
    });
    channel.addResourceDependency(this.recorder);
  }
}
