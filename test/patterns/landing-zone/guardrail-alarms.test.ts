import { App, Stack, aws_kms as kms } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { GuardrailAlarms } from '../../../lib/patterns/landing-zone/guardrail-alarms';
import { OrganizationTrail } from '../../../lib/patterns/landing-zone/organization-trail';
import { LogBucket } from '../../../lib/patterns/landing-zone/log-bucket';
import { planGuardrailAlarms } from '../../../lib/planners/landing-zone/guardrail-alarms';

const app = new App({
  analyticsReporting: false,
  builtinCloudFormationValidation: false,
  // As cdk.json: ARNs name the partition, as the estate's templates do.
  context: { '@aws-cdk/core:enablePartitionLiterals': true },
});
const stack = new Stack(app, 'LogArchive', { env: { account: '100000000002', region: 'eu-west-2' } });
const key = new kms.Key(stack, 'AuditKey');
const plan = planGuardrailAlarms('nhs-cloud');
const alarms = new GuardrailAlarms(stack, 'GuardrailAlarms', {
  plan,
  key,
  retentionDays: 2922,
  securityAccount: '100000000003',
});
const bucket = new LogBucket(stack, 'CloudTrailBucket', {
  bucketName: 'nhs-cloud-cloudtrail-test',
  purpose: 'audit-logs',
  retentionDays: 2922,
  encryptionKey: key,
});
new OrganizationTrail(stack, 'Trail', {
  trailName: 'nhs-cloud-organization',
  bucket: bucket.bucket,
  key,
  selectors: [],
  cloudWatchLogs: { logGroup: alarms.logGroup, role: alarms.deliveryRole },
});
const template = Template.fromStack(stack);
const LOG_GROUP_ARN = 'arn:aws:logs:eu-west-2:100000000002:log-group:/nhs-cloud/organization-trail';

describe('GuardrailAlarms', () => {
  it('copies the organization trail into an encrypted log group kept for the log retention, and retained', () => {
    template.hasResource('AWS::Logs::LogGroup', {
      Properties: {
        LogGroupName: '/nhs-cloud/organization-trail',
        RetentionInDays: 2922,
        KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AuditKey'), 'Arn'] },
      },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    template.hasResourceProperties('AWS::CloudTrail::Trail', {
      CloudWatchLogsLogGroupArn: {
        'Fn::GetAtt': [Match.stringLikeRegexp('^GuardrailAlarmsTrailLogs'), 'Arn'],
      },
      CloudWatchLogsRoleArn: {
        'Fn::GetAtt': [Match.stringLikeRegexp('^GuardrailAlarmsDeliveryRole'), 'Arn'],
      },
    });
  });

  it('lets CloudWatch Logs use the key for this log group only', () => {
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'CloudWatchLogsEncryptsTheTrailCopy',
            Principal: { Service: 'logs.eu-west-2.amazonaws.com' },
            Condition: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': LOG_GROUP_ARN } },
          }),
        ]),
      },
    });
  });

  it("gives CloudTrail a platform-named role that may only append to the log group's streams", () => {
    template.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'nhs-cloud-platform-trail-delivery',
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Principal: { Service: 'cloudtrail.amazonaws.com' } })],
      },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^GuardrailAlarmsDeliveryRole') }],
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            Resource: `${LOG_GROUP_ARN}:log-stream:*`,
          },
        ],
      },
    });
  });

  it('creates the trail only once its role may write (CloudTrail checks on create)', () => {
    const [trail] = Object.values(template.findResources('AWS::CloudTrail::Trail'));
    expect(trail!.DependsOn).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^GuardrailAlarmsDeliveryRoleDefaultPolicy/),
        expect.stringMatching(/^GuardrailAlarmsDeliveryRole[0-9A-F]{8}$/),
      ]),
    );
  });

  it('has a metric filter and an alarm per planned alarm, firing on the first event', () => {
    for (const a of plan.alarms) {
      template.hasResourceProperties('AWS::Logs::MetricFilter', {
        FilterPattern: a.filterPattern,
        MetricTransformations: [
          { MetricName: a.metricName, MetricNamespace: 'nhs-cloud/Guardrails', MetricValue: '1' },
        ],
      });
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: a.alarmName,
        MetricName: a.metricName,
        Namespace: 'nhs-cloud/Guardrails',
        Statistic: 'Sum',
        Period: 300,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
      });
    }
    expect(Object.keys(template.findResources('AWS::CloudWatch::Alarm'))).toHaveLength(plan.alarms.length);
  });

  it("forwards every state change of these alarms to the security account's default bus", () => {
    const rules = template.findResources('AWS::Events::Rule');
    const [rule] = Object.values(rules);
    expect(Object.keys(rules)).toHaveLength(1);
    expect(rule!.Properties.EventPattern.source).toEqual(['aws.cloudwatch']);
    expect(rule!.Properties.EventPattern['detail-type']).toEqual(['CloudWatch Alarm State Change']);
    expect(rule!.Properties.EventPattern.resources).toHaveLength(plan.alarms.length);
    expect(rule!.Properties.Targets).toEqual([
      expect.objectContaining({
        Arn: 'arn:aws:events:eu-west-2:100000000003:event-bus/default',
        RoleArn: { 'Fn::GetAtt': [expect.stringMatching(/^GuardrailAlarmsForwardRole/), 'Arn'] },
      }),
    ]);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { Service: 'events.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceAccount': '100000000002' } },
          }),
        ],
      },
    });
  });
});
