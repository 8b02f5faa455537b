import {
  Stack,
  Duration,
  RemovalPolicy,
  SecretValue,
  aws_events as events,
  aws_events_targets as targets,
  aws_iam as iam,
  aws_kms as kms,
  aws_sns as sns,
  aws_sns_subscriptions as subscriptions,
  aws_sqs as sqs,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { LandingZoneConfig } from '../../config/schema/landing-zone-schema';
import { highSeverityFindingsPattern } from '../../planners/landing-zone/findings-routing';

export interface FindingsAlertsProps {
  readonly topicName: string;
  /** Customer-managed key for the topic and the dead-letter queue. */
  readonly key: kms.Key;
  /** E-mail subscribers (the security team). @default none */
  readonly emails?: readonly string[];
  /** The CSOC's HTTPS endpoint. @default none */
  readonly csoc?: LandingZoneConfig['csocEndpoint'];
  /**
   * Guardrail alarms another account forwards to this account's default bus: that account may
   * put events here, and those matching `pattern` take the same route as findings.
   * @default none
   */
  readonly guardrailAlarms?: { readonly fromAccount: string; readonly pattern: events.EventPattern };
}

/**
 * Routes HIGH and CRITICAL Security Hub findings, as they arrive in the delegated administrator
 * from every account and region, to an encrypted SNS topic and, when configured, to the CSOC's
 * HTTPS endpoint (EventBridge API destination, API key from Secrets Manager, retries and an
 * encrypted dead-letter queue so nothing is dropped silently). Guardrail alarms the log archive
 * forwards take the same route (docs/adr/0026-guardrail-alarms.md).
 */
export class FindingsAlerts extends Construct {
  readonly topic: sns.Topic;
  readonly rule: events.Rule;
  /** Guardrail alarms from the log archive, when given. */
  readonly alarmsRule?: events.Rule;

  constructor(scope: Construct, id: string, props: FindingsAlertsProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', {
      topicName: props.topicName,
      masterKey: props.key,
      enforceSSL: true,
    });
    props.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'EventBridgePublishesFindings',
        principals: [new iam.ServicePrincipal('events.amazonaws.com')],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
      }),
    );
    for (const email of props.emails ?? [])
      this.topic.addSubscription(new subscriptions.EmailSubscription(email));
    const pattern = highSeverityFindingsPattern();
    this.rule = new events.Rule(this, 'HighSeverity', {
      description: 'New HIGH and CRITICAL Security Hub findings from every account and region',
      eventPattern: pattern,
      targets: [new targets.SnsTopic(this.topic)],
    });
    const rules = [this.rule];
    if (props.guardrailAlarms) {
      this.alarmsRule = this.receiveAlarms(props.guardrailAlarms);
      rules.push(this.alarmsRule);
    }
    if (props.csoc) this.addCsoc(props.csoc, props.key, rules);
  }

  private receiveAlarms(alarms: NonNullable<FindingsAlertsProps['guardrailAlarms']>): events.Rule {
    // Only the sending account may put events on this bus, and only this rule acts on them.
    const stack = Stack.of(this);
    const statementId = `GuardrailAlarmsFrom${alarms.fromAccount}`;
    new events.CfnEventBusPolicy(this, 'GuardrailAlarmsSender', {
      eventBusName: 'default',
      statementId,
      statement: new iam.PolicyStatement({
        sid: statementId,
        principals: [new iam.AccountPrincipal(alarms.fromAccount)],
        actions: ['events:PutEvents'],
        resources: [stack.formatArn({ service: 'events', resource: 'event-bus', resourceName: 'default' })],
      }).toJSON(),
    });
    return new events.Rule(this, 'GuardrailAlarms', {
      description: 'Guardrail alarms (root, platform admin roles, organization and SCP changes)',
      eventPattern: alarms.pattern,
      targets: [new targets.SnsTopic(this.topic)],
    });
  }

  private addCsoc(
    csoc: NonNullable<FindingsAlertsProps['csoc']>,
    key: kms.IKey,
    rules: readonly events.Rule[],
  ): void {
    const connection = new events.Connection(this, 'CsocConnection', {
      description: 'API key for the CSOC endpoint',
      authorization: events.Authorization.apiKey(
        csoc.apiKeyHeader,
        SecretValue.secretsManager(csoc.apiKeySecretArn),
      ),
    });
    const destination = new events.ApiDestination(this, 'Csoc', {
      connection,
      endpoint: csoc.url,
      httpMethod: events.HttpMethod.POST,
      description: 'CSOC: receives HIGH and CRITICAL findings and guardrail alarms',
    });
    const deadLetters = new sqs.Queue(this, 'CsocDeadLetters', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      // Up to 14 days of findings the CSOC never received: kept if the stack or queue goes.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // EventBridge assumes the role for this account's rule only (the confused-deputy condition).
    const role = new iam.Role(this, 'CsocEventsRole', {
      assumedBy: new iam.ServicePrincipal('events.amazonaws.com').withConditions({
        StringEquals: { 'aws:SourceAccount': Stack.of(this).account },
      }),
      description: 'EventBridge: posts findings and guardrail alarms to the CSOC API destination',
    });
    for (const rule of rules)
      rule.addTarget(
        new targets.ApiDestination(destination, {
          eventRole: role,
          deadLetterQueue: deadLetters,
          retryAttempts: 185,
          maxEventAge: Duration.hours(24),
        }),
      );
  }
}
