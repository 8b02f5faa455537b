import { PermissionSetName } from './identity';
import { platformRoleNames, rolePrefix } from './platform-principals';

/**
 * Alarms on the organization trail's events that say someone is using, or changing, what holds
 * the guardrails up: root, the platform's administrator roles, and the organization's policies
 * and structure. CloudTrail copies every account's and region's events (global services
 * included) into one log group; a metric filter per alarm counts its events there
 * (docs/adr/0026-guardrail-alarms.md).
 */
export interface GuardrailAlarmPlan {
  /** Construct ID, a contract: logical IDs must not change. */
  readonly id: string;
  readonly alarmName: string;
  readonly metricName: string;
  readonly description: string;
  /** CloudWatch Logs filter pattern over CloudTrail's JSON records. */
  readonly filterPattern: string;
}

export interface GuardrailAlarmsPlan {
  readonly logGroupName: string;
  /** The role CloudTrail assumes to write to the log group: a platform name, so exempt. */
  readonly deliveryRoleName: string;
  readonly metricNamespace: string;
  /** Alarm names share this prefix, so one EventBridge pattern routes all of them. */
  readonly alarmNamePrefix: string;
  readonly alarms: readonly GuardrailAlarmPlan[];
}

/** Organizations calls that change the service control policies or where they apply. */
export const POLICY_CHANGES = [
  'AttachPolicy',
  'CreatePolicy',
  'DeletePolicy',
  'DetachPolicy',
  'DisablePolicyType',
  'EnablePolicyType',
  'UpdatePolicy',
] as const;

/** Organizations calls that change its accounts, units, trusted services or administrators. */
export const ORGANIZATION_CHANGES = [
  'AcceptHandshake',
  'CloseAccount',
  'CreateAccount',
  'CreateOrganizationalUnit',
  'DeleteOrganization',
  'DeleteOrganizationalUnit',
  'DeregisterDelegatedAdministrator',
  'DisableAWSServiceAccess',
  'EnableAWSServiceAccess',
  'InviteAccountToOrganization',
  'LeaveOrganization',
  'MoveAccount',
  'RegisterDelegatedAdministrator',
  'RemoveAccountFromOrganization',
  'UpdateOrganizationalUnit',
] as const;

/** CloudWatch Logs allows 1,024 characters in a filter pattern (Logs API reference, PutMetricFilter). */
export const MAX_FILTER_PATTERN = 1024;

const organizationsCalls = (names: readonly string[]) =>
  `{ ($.eventSource = "organizations.amazonaws.com") && (${names
    .map((n) => `($.eventName = "${n}")`)
    .join(' || ')}) }`;

/**
 * Every attempt (granted or refused) to assume a role of this name in any account. The role's
 * ARN differs by account, so a regular expression anchors on its name; CloudWatch Logs allows
 * '/' and '-' in one and at most two per pattern ("Filter pattern syntax").
 */
const assumptionOf = (roleName: string) =>
  `{ ($.eventSource = "sts.amazonaws.com") && ($.eventName = "AssumeRole") && ($.requestParameters.roleArn = %/${roleName}$%) }`;

/**
 * A sign-in through IAM Identity Center with this permission set, in any account: the portal
 * assumes the account's `AWSReservedSSO_<set>_<suffix>` role with SAML.
 */
const signInWith = (permissionSet: PermissionSetName) =>
  `{ ($.eventSource = "sts.amazonaws.com") && ($.eventName = "AssumeRoleWithSAML") && ($.requestParameters.roleArn = %/AWSReservedSSO_${permissionSet}_%) }`;

export function planGuardrailAlarms(estateName: string): GuardrailAlarmsPlan {
  const roles = platformRoleNames(estateName);
  const alarmNamePrefix = `${estateName}-guardrail-`;
  // One name per alarm: the construct ID and metric name, and in kebab case the alarm's name.
  const alarm = (id: string, description: string, filterPattern: string): GuardrailAlarmPlan => ({
    id,
    alarmName: `${alarmNamePrefix}${id.replace(/(?<!^)([A-Z])/g, '-$1').toLowerCase()}`,
    metricName: id,
    description,
    filterPattern,
  });
  return {
    logGroupName: `/${estateName}/organization-trail`,
    deliveryRoleName: `${rolePrefix(estateName)}trail-delivery`,
    metricNamespace: `${estateName}/Guardrails`,
    alarmNamePrefix,
    alarms: [
      alarm(
        'RootUse',
        'Root user signed in or called an API in any account (not an AWS service acting for it)',
        // The Security Hub CIS control CloudWatch.1's pattern.
        '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
      ),
      alarm(
        'PlatformAdminAssumed',
        `${roles.admin} assumed, or refused, in any account: expected only from a pipeline deploy`,
        assumptionOf(roles.admin),
      ),
      alarm(
        'PlatformAdminSignIn',
        'A platform engineer signed in with PlatformAdmin, exempt from the guardrails, in any account',
        signInWith('PlatformAdmin'),
      ),
      alarm(
        'BreakGlassAssumed',
        `${roles.breakGlass} assumed, or refused, in any account: an emergency, or an attack`,
        assumptionOf(roles.breakGlass),
      ),
      alarm(
        'PolicyChanged',
        'A service control, tag or backup policy, or where it is attached, changed',
        organizationsCalls(POLICY_CHANGES),
      ),
      alarm(
        'OrganizationChanged',
        'An account, unit, trusted service or delegated administrator of the organization changed',
        organizationsCalls(ORGANIZATION_CHANGES),
      ),
    ],
  };
}

/**
 * EventBridge pattern, on the security account's default bus, for these alarms going into ALARM
 * in the log archive account, whose rule forwards CloudWatch's state changes there.
 */
export function guardrailAlarmEventPattern(
  plan: GuardrailAlarmsPlan,
  logArchiveAccount: string,
): { source: string[]; detailType: string[]; account: string[]; detail: Record<string, unknown> } {
  return {
    source: ['aws.cloudwatch'],
    detailType: ['CloudWatch Alarm State Change'],
    account: [logArchiveAccount],
    detail: {
      alarmName: [{ prefix: plan.alarmNamePrefix }],
      state: { value: ['ALARM'] },
    },
  };
}
