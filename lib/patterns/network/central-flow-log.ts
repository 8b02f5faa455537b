import { aws_ec2 as ec2, aws_s3 as s3 } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** Flow logs of a hub VPC to the central log-archive bucket, in the same format as the spokes'. */
export function addCentralFlowLog(scope: Construct, vpc: ec2.IVpc, bucketArn: string): ec2.FlowLog {
  const bucket = s3.Bucket.fromBucketArn(scope, 'FlowLogBucket', bucketArn);
  return new ec2.FlowLog(scope, 'FlowLog', {
    resourceType: ec2.FlowLogResourceType.fromVpc(vpc),
    destination: ec2.FlowLogDestination.toS3(bucket, undefined, {
      fileFormat: ec2.FlowLogFileFormat.PARQUET,
      hiveCompatiblePartitions: true,
      perHourPartition: true,
    }),
    trafficType: ec2.FlowLogTrafficType.ALL,
  });
}
