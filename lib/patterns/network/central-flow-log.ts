import { aws_ec2 as ec2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/**
 * Flow logs of a hub VPC to the central log-archive bucket, in the same format as the spokes'.
 * An L1 with the destination options spelled as CloudFormation's schema spells them: the L2
 * `ec2.FlowLog` renders them in camel case (`fileFormat`), which CloudFormation rejects at
 * deploy time ("required key [FileFormat] not found"; aws-cdk issues #21037, #23964, #25432).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ec2-flowlog-destinationoptions.html
 */
export function addCentralFlowLog(scope: Construct, vpc: ec2.IVpc, bucketArn: string): ec2.CfnFlowLog {
  return new ec2.CfnFlowLog(scope, 'FlowLog', {
    resourceId: vpc.vpcId,
    resourceType: 'VPC',
    trafficType: 'ALL',
    logDestinationType: 's3',
    logDestination: bucketArn,
    destinationOptions: { FileFormat: 'parquet', HiveCompatiblePartitions: true, PerHourPartition: true },
    tags: [{ key: 'Name', value: `${scope.node.path}/FlowLog` }],
  });
}
