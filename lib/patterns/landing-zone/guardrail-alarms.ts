import {
  ArnFormat,
  Duration,
  RemovalPolicy,
  Stack,
  aws_cloudwatch as cloudwatch,
  aws_events as events,
  aws_events_targets as targets,
  aws_iam as iam,
  aws_kms as kms,
  aws_logs as logs,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { GuardrailAlarmsPlan } from '../../planners/landing-zone/guardrail-alarms';

export interface GuardrailAlarmsProps {
  readonly plan: GuardrailAlarmsPlan;
  /** The audit key, which already encrypts the trail's S3 copy. */
  readonly key: kms.Key;
  readonly retentionDays: number;
  /** Account whose default event bus carries alarms on to the security team and the CSOC. */
  readonly securityAccount: string;
}

/**
 * In the log archive, the organization trail's CloudWatch Logs copy and the alarms on it. An
 * alarm going into ALARM is forwarded, as CloudWatch's own state-change event, to the security
 * account's default bus, where the findings route sends it on to the security team and the CSOC
 * (`FindingsAlerts`). The S3 copy under Object Lock stays the record; this copy is for alarms.
 */
export class GuardrailAlarms extends Construct {
  readonly logGroup: logs.LogGroup;
  /** The role CloudTrail assumes to write to the log group. */
  readonly deliveryRole: iam.Role;
  readonly alarms: readonly cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: GuardrailAlarmsProps) {
    super(scope, id);
    const { plan, key } = props;
    const stack = Stack.of(this);
    const logGroupArn = stack.formatArn({
      service: 'logs',
      resource: 'log-group',
      resourceName: plan.logGroupName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    // CloudWatch Logs encrypts with the key only when its policy names the service and this log
    // group ("Encrypt log data in CloudWatch Logs using AWS KMS").
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchLogsEncryptsTheTrailCopy',
        principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': logGroupArn } },
      }),
    );
    this.logGroup = new logs.LogGroup(this, 'TrailLogs', {
      logGroupName: plan.logGroupName,
      encryptionKey: key,
      retention: props.retentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudTrail sends no source account or ARN when it assumes this role, so the trust cannot
    // be scoped ("Role policy document for CloudTrail to use CloudWatch Logs for monitoring");
    // the role can only append to this one log group.
    this.deliveryRole = new iam.Role(this, 'DeliveryRole', {
      roleName: plan.deliveryRoleName,
      assumedBy: new iam.ServicePrincipal('cloudtrail.amazonaws.com'),
      description: 'CloudTrail: copies the organization trail into its CloudWatch Logs group',
    });
    this.deliveryRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        // Stream names are `<account>_CloudTrail_<region>`, and `<org>_<account>_...` for members.
        resources: [`${logGroupArn}:log-stream:*`],
      }),
    );
    this.alarms = plan.alarms.map((a) => {
      const filter = new logs.MetricFilter(this, `${a.id}Filter`, {
        logGroup: this.logGroup,
        filterPattern: logs.FilterPattern.literal(a.filterPattern),
        metricNamespace: plan.metricNamespace,
        metricName: a.metricName,
        metricValue: '1',
      });
      return new cloudwatch.Alarm(this, a.id, {
        alarmName: a.alarmName,
        alarmDescription: a.description,
        metric: filter.metric({ statistic: 'Sum', period: Duration.minutes(5) }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // No events is the normal state, not missing data.
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
    });
    this.forwardToSecurity(props.securityAccount);
  }

  /** Every state change of these alarms, to the security account's default bus. */
  private forwardToSecurity(securityAccount: string): void {
    const stack = Stack.of(this);
    const bus = events.EventBus.fromEventBusArn(
      this,
      'SecurityBus',
      `arn:${stack.partition}:events:${stack.region}:${securityAccount}:event-bus/default`,
    );
    const role = new iam.Role(this, 'ForwardRole', {
      assumedBy: new iam.ServicePrincipal('events.amazonaws.com').withConditions({
        StringEquals: { 'aws:SourceAccount': stack.account },
      }),
      description: 'EventBridge: forwards guardrail alarm state changes to the security account',
    });
    new events.Rule(this, 'ToSecurity', {
      description: 'Guardrail alarm state changes, to the security account for the CSOC route',
      eventPattern: {
        source: ['aws.cloudwatch'],
        detailType: ['CloudWatch Alarm State Change'],
        resources: this.alarms.map((a) => a.alarmArn),
      },
      targets: [new targets.EventBus(bus, { role })],
    });
  }
}
