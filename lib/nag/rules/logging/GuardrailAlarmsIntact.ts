import { CfnResource, Stack } from 'aws-cdk-lib';
import { NagRuleCompliance } from 'cdk-nag';
import { GuardrailAlarmPlan } from '../../../planners/landing-zone/guardrail-alarms';
import { renderedProperties } from '../../rendered';
import { NagRule, namedRule } from '../../rule';

type Json = Record<string, unknown>;

/** The logical ID a `{ Ref }` or `{ 'Fn::GetAtt': [id, ...] }` points at. */
function target(value: unknown): string | undefined {
  const v = value as { Ref?: unknown; 'Fn::GetAtt'?: unknown[] } | undefined;
  if (typeof v?.Ref === 'string') return v.Ref;
  const att = v?.['Fn::GetAtt'];
  return Array.isArray(att) && typeof att[0] === 'string' ? att[0] : undefined;
}

/**
 * The organization trail keeps the guardrail alarms the planner makes (ADR 0026): a CloudWatch
 * Logs copy, and in its stack, for each planned alarm, a metric filter on that log group with
 * the planned pattern, an alarm of the planned name on its metric, and an EventBridge rule that
 * forwards the alarm. One finding per problem: `no-copy`, `filter:<alarm>` (missing or
 * pattern changed), `alarm:<alarm>`, `unrouted:<alarm>`.
 *
 * NCSC Cloud Security Principle 13, Audit information and alerting for customers.
 */
export default function GuardrailAlarmsIntact(alarms: readonly GuardrailAlarmPlan[]): NagRule {
  return namedRule(__filename, (node) => {
    if (node.cfnResourceType !== 'AWS::CloudTrail::Trail' || alarms.length === 0)
      return NagRuleCompliance.NOT_APPLICABLE;
    const trail = renderedProperties(node);
    if (trail.IsOrganizationTrail !== true && trail.IsOrganizationTrail !== 'true')
      return NagRuleCompliance.NOT_APPLICABLE;
    const logGroup = target(trail.CloudWatchLogsLogGroupArn);
    if (!logGroup) return ['no-copy'];
    const stack = Stack.of(node);
    const resources = stack.node
      .findAll()
      .filter(CfnResource.isCfnResource)
      .map((r) => ({ id: stack.resolve(r.logicalId) as string, type: r.cfnResourceType, props: r }));
    const ofType = (type: string) =>
      resources.filter((r) => r.type === type).map((r) => ({ id: r.id, props: renderedProperties(r.props) }));
    const filters = ofType('AWS::Logs::MetricFilter').filter(
      (f) => target(f.props.LogGroupName) === logGroup,
    );
    const alarmResources = ofType('AWS::CloudWatch::Alarm');
    const routed = new Set(
      ofType('AWS::Events::Rule').flatMap(
        (r) =>
          ((r.props.EventPattern as Json | undefined)?.resources as unknown[] | undefined)?.map(target) ?? [],
      ),
    );
    const findings: string[] = [];
    for (const want of alarms) {
      const filter = filters.find((f) => f.props.FilterPattern === want.filterPattern);
      const metric = (filter?.props.MetricTransformations as Json[] | undefined)?.[0];
      if (!filter || !metric) {
        findings.push(`filter:${want.alarmName}`);
        continue;
      }
      const alarm = alarmResources.find(
        (a) =>
          a.props.AlarmName === want.alarmName &&
          a.props.MetricName === metric.MetricName &&
          a.props.Namespace === metric.MetricNamespace,
      );
      if (!alarm) findings.push(`alarm:${want.alarmName}`);
      else if (!routed.has(alarm.id)) findings.push(`unrouted:${want.alarmName}`);
    }
    return findings.length ? findings : NagRuleCompliance.COMPLIANT;
  });
}
