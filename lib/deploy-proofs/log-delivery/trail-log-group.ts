import { allResources, renderPolicy, renderText, rolePolicies, targetOf, where } from '../template-values';
import { DeployStack } from '../types';
import { keyOf, LogKey } from './destinations';

/**
 * One request CloudTrail makes to copy an organization trail into CloudWatch Logs: assume the
 * delivery role, write as it to the log group, and have CloudWatch Logs encrypt with the group's
 * key. Each is checked against the policy that decides it (ADR 0026).
 */
export interface TrailCopyCheck {
  readonly source: string;
  readonly account: string;
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly resourceAccount: string;
  /** The policy on the resource (trust policy, key policy); none for an identity-only check. */
  readonly resourcePolicy?: unknown;
  /** The principal's own policies (the delivery role's). */
  readonly identityPolicies: readonly unknown[];
  readonly context: Readonly<Record<string, string>>;
  /** The policy a failure points at. */
  readonly witness: string;
}

/** A problem found without evaluating any policy: no role, no log group, or one outside the stack. */
export interface TrailCopyGap {
  readonly source: string;
  readonly message: string;
  readonly witness: string;
}

/**
 * The checks for every trail with a CloudWatch Logs copy. The log stream is named as CloudTrail
 * names an organization trail's member streams: `<organization ID>_<account>_CloudTrail_<region>`
 * ("Sending events to CloudWatch Logs", CloudTrail User Guide).
 */
export function trailCopyChecks(
  stacks: readonly DeployStack[],
  organizationId: string,
): { checks: TrailCopyCheck[]; gaps: TrailCopyGap[] } {
  const checks: TrailCopyCheck[] = [];
  const gaps: TrailCopyGap[] = [];
  for (const { stack, id, resource } of allResources(stacks)) {
    if (resource.Type !== 'AWS::CloudTrail::Trail') continue;
    const props = resource.Properties ?? {};
    if (props.CloudWatchLogsLogGroupArn === undefined) continue;
    const source = where(stack, id);
    const group = targetOf(stack, props.CloudWatchLogsLogGroupArn);
    const role = targetOf(stack, props.CloudWatchLogsRoleArn);
    const groupName = group && renderText(stack, group[1].Properties?.LogGroupName);
    const roleArn = role && renderText(stack, { 'Fn::GetAtt': [role[0], 'Arn'] });
    if (!group || group[1].Type !== 'AWS::Logs::LogGroup' || !groupName || !role || !roleArn) {
      gaps.push({
        source,
        message:
          'copies to CloudWatch Logs through a log group or role that is not a named resource of its stack',
        witness: `CloudWatchLogsLogGroupArn, CloudWatchLogsRoleArn of ${source}`,
      });
      continue;
    }
    const groupArn = `arn:aws:logs:${stack.region}:${stack.account}:log-group:${groupName}`;
    const base = { source, account: stack.account, resourceAccount: stack.account };
    checks.push({
      ...base,
      principal: 'cloudtrail.amazonaws.com',
      action: 'sts:AssumeRole',
      resource: roleArn,
      resourcePolicy: renderPolicy(stack, role[1].Properties?.AssumeRolePolicyDocument),
      identityPolicies: [],
      context: {},
      witness: `trust policy of ${where(stack, role[0])}`,
    });
    const stream = `${groupArn}:log-stream:${organizationId}_${stack.account}_CloudTrail_${stack.region}`;
    for (const action of ['logs:CreateLogStream', 'logs:PutLogEvents'])
      checks.push({
        ...base,
        principal: roleArn,
        action,
        resource: stream,
        identityPolicies: rolePolicies(stack, role[0]),
        context: {},
        witness: `policies of ${where(stack, role[0])}`,
      });
    const key: LogKey | undefined = keyOf(stack, group[1].Properties?.KmsKeyId);
    if (key)
      checks.push({
        ...base,
        principal: `logs.${stack.region}.amazonaws.com`,
        action: 'kms:GenerateDataKey',
        resource: key.arn,
        resourcePolicy: key.policy,
        identityPolicies: [],
        context: { 'kms:EncryptionContext:aws:logs:arn': groupArn },
        witness: key.source,
      });
  }
  return { checks, gaps };
}
