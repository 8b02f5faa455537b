import { aws_kms as kms, aws_logs as logs, Stack } from 'aws-cdk-lib';
import { CfnTrail } from 'aws-cdk-lib/aws-cloudtrail';
import { CfnAlarm } from 'aws-cdk-lib/aws-cloudwatch';
import { CfnRule } from 'aws-cdk-lib/aws-events';
import { GuardrailAlarmsIntact } from '../../../lib/nag/rules/logging';
import { GuardrailAlarms } from '../../../lib/patterns/landing-zone/guardrail-alarms';
import { planGuardrailAlarms } from '../../../lib/planners/landing-zone/guardrail-alarms';
import { newStack, validate } from '../helpers';

const plan = planGuardrailAlarms('nhs-cloud');
const rule = GuardrailAlarmsIntact(plan.alarms);
const [root, admin, signIn, breakGlass] = plan.alarms.map((a) => a.alarmName);

/** The log archive as built: the alarms construct and the organization trail copied to it. */
function logArchive(options: { copy?: boolean; organization?: boolean } = {}): {
  stack: Stack;
  alarms: GuardrailAlarms;
} {
  const stack = newStack();
  const alarms = new GuardrailAlarms(stack, 'GuardrailAlarms', {
    plan,
    key: new kms.Key(stack, 'Key'),
    retentionDays: 2922,
    securityAccount: '100000000003',
  });
  new CfnTrail(stack, 'Trail', {
    isLogging: true,
    isOrganizationTrail: options.organization ?? true,
    s3BucketName: 'audit',
    ...(options.copy === false
      ? {}
      : {
          cloudWatchLogsLogGroupArn: alarms.logGroup.logGroupArn,
          cloudWatchLogsRoleArn: alarms.deliveryRole.roleArn,
        }),
  });
  return { stack, alarms };
}

const child = (alarms: GuardrailAlarms, id: string) => alarms.node.findChild(id).node.defaultChild;

describe('GuardrailAlarmsIntact', () => {
  test("passes the log archive the planner's alarms build", () => {
    expect(validate(rule, logArchive().stack)).toEqual([]);
  });

  test('flags an organization trail with no CloudWatch Logs copy', () => {
    expect(validate(rule, logArchive({ copy: false }).stack)).toEqual([
      { id: 'NhsCloud-GuardrailAlarmsIntact[no-copy]', path: 'Stack/Trail' },
    ]);
  });

  test('flags a filter whose pattern was narrowed, an alarm renamed and one no longer forwarded', () => {
    const { stack, alarms } = logArchive();
    (child(alarms, 'BreakGlassAssumedFilter') as logs.CfnMetricFilter).filterPattern =
      '{ $.eventName = "Nothing" }';
    (child(alarms, 'RootUse') as CfnAlarm).alarmName = 'renamed';
    const forward = alarms.node.findChild('ToSecurity').node.defaultChild as CfnRule;
    forward.addPropertyOverride('EventPattern.resources', [{ 'Fn::GetAtt': ['Other', 'Arn'] }]);
    const findings = validate(rule, stack);
    expect(findings.map((f) => f.id)).toEqual(
      expect.arrayContaining([
        `NhsCloud-GuardrailAlarmsIntact[filter:${breakGlass}]`,
        `NhsCloud-GuardrailAlarmsIntact[alarm:${root}]`,
        `NhsCloud-GuardrailAlarmsIntact[unrouted:${admin}]`,
        `NhsCloud-GuardrailAlarmsIntact[unrouted:${signIn}]`,
      ]),
    );
    expect(new Set(findings.map((f) => f.path))).toEqual(new Set(['Stack/Trail']));
  });

  test('does not apply to a trail of one account, or without a plan', () => {
    expect(validate(rule, logArchive({ copy: false, organization: false }).stack)).toEqual([]);
    expect(validate(GuardrailAlarmsIntact([]), logArchive({ copy: false }).stack)).toEqual([]);
  });
});
