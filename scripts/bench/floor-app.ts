/**
 * The floor: a plain CDK app of the estate's size, with nothing of ours in it, checked by the
 * three public cdk-nag packs, so `npm run bench` can divide our cost per synthesized resource by
 * plain CDK's in the same run (issue: "within 1.5x of plain CDK per resource").
 *
 *   CDK_OUTDIR=/tmp/floor FLOOR_STACKS=500 FLOOR_RESOURCES=70 tsx scripts/bench/floor-app.ts
 *
 * Each stack is an account's worth of ordinary resources written with L2 constructs where they
 * exist (a key, an encrypted bucket with a policy, a queue, a topic, a role, SSM parameters, a VPC
 * made of L1 subnets and routes, log groups), repeated while a whole block fits, then SSM parameters up to FLOOR_RESOURCES resources.
 */
import {
  App,
  aws_ec2 as ec2,
  aws_iam as iam,
  aws_kms as kms,
  aws_logs as logs,
  aws_s3 as s3,
  aws_sns as sns,
  aws_sqs as sqs,
  aws_ssm as ssm,
  RemovalPolicy,
  Stack,
  Validations,
} from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks } from 'cdk-nag';
import { Construct } from 'constructs';

const stacks = Number(process.env.FLOOR_STACKS ?? 100);
const perStack = Number(process.env.FLOOR_RESOURCES ?? 70);

/** One block of ordinary resources; returns how many CloudFormation resources it added. */
function block(scope: Construct, id: string, index: number): number {
  const c = new Construct(scope, id);
  const key = new kms.Key(c, 'Key', { enableKeyRotation: true, removalPolicy: RemovalPolicy.RETAIN });
  const bucket = new s3.Bucket(c, 'Bucket', {
    encryption: s3.BucketEncryption.KMS,
    encryptionKey: key,
    enforceSSL: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    versioned: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const queue = new sqs.Queue(c, 'Queue', { encryptionMasterKey: key, enforceSSL: true });
  const topic = new sns.Topic(c, 'Topic', { masterKey: key, enforceSSL: true });
  const role = new iam.Role(c, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  bucket.grantRead(role);
  queue.grantSendMessages(role);
  topic.grantPublish(role);
  new ssm.StringParameter(c, 'Parameter', { stringValue: `value-${index}` });
  new logs.LogGroup(c, 'Logs', { encryptionKey: key, retention: logs.RetentionDays.ONE_YEAR });
  const vpc = new ec2.CfnVPC(c, 'Vpc', { cidrBlock: `10.${index % 250}.0.0/21` });
  const table = new ec2.CfnRouteTable(c, 'Routes', { vpcId: vpc.ref });
  for (let i = 0; i < 3; i++) {
    const subnet = new ec2.CfnSubnet(c, `Subnet${i}`, {
      vpcId: vpc.ref,
      cidrBlock: `10.${index % 250}.${i * 2}.0/23`,
      availabilityZone: `eu-west-2${'abc'[i]}`,
    });
    new ec2.CfnSubnetRouteTableAssociation(c, `Subnet${i}Routes`, {
      subnetId: subnet.ref,
      routeTableId: table.ref,
    });
  }
  new ec2.CfnFlowLog(c, 'FlowLog', {
    resourceId: vpc.ref,
    resourceType: 'VPC',
    trafficType: 'ALL',
    logDestinationType: 's3',
    logDestination: bucket.bucketArn,
  });
  return c.node.findAll().filter((n) => n.node.defaultChild === undefined && 'cfnResourceType' in n).length;
}

/** Resources one block adds, counted on a throwaway app. */
const BLOCK_RESOURCES = block(
  new Stack(new App({ analyticsReporting: false, autoSynth: false }), 'Probe'),
  'Block',
  0,
);

// The same local settings as the estate's synth (lib/app/synth-switches.ts, ADRs 0015 and 0017):
// no CloudFormation Validate, no creation stack traces, no tree.json. The findings go to the
// validation report, as the estate's do, instead of failing the synth.
const app = new App({
  analyticsReporting: false,
  builtinCloudFormationValidation: false,
  treeMetadata: false,
  context: {
    'aws:cdk:disable-creation-stack-traces': true,
    '@aws-cdk/core:failSynthOnValidationErrors': false,
  },
});
for (let s = 0; s < stacks; s++) {
  const stack = new Stack(app, `Floor${s}`, { env: { account: '123456789012', region: 'eu-west-2' } });
  let count = 0;
  // Whole blocks while one fits, then parameters up to the exact count.
  for (let b = 0; count + BLOCK_RESOURCES <= perStack; b++) count += block(stack, `Block${b}`, s * 10 + b);
  for (let p = 0; count < perStack; p++, count++)
    new ssm.StringParameter(stack, `Pad${p}`, { stringValue: `${p}` });
}
for (const pack of [new AwsSolutionsChecks(), new HIPAASecurityChecks(), new NIST80053R5Checks()])
  Validations.of(app).addPlugins(pack);
app.synth();
