import {
  guardrailAlarmEventPattern,
  MAX_FILTER_PATTERN,
  ORGANIZATION_CHANGES,
  planGuardrailAlarms,
  POLICY_CHANGES,
} from '../../../lib/planners/landing-zone/guardrail-alarms';

const plan = planGuardrailAlarms('nhs-cloud');
const byId = (id: string) => plan.alarms.find((a) => a.id === id)!;
/** The `%...%` regular expressions of a filter pattern, as JavaScript ones (CloudWatch searches). */
const regexesOf = (pattern: string) => [...pattern.matchAll(/%([^%]+)%/g)].map((m) => new RegExp(m[1]!));

describe('planGuardrailAlarms', () => {
  it('names the log group, the delivery role (a platform name, so exempt and protected) and the alarms', () => {
    expect(plan.logGroupName).toBe('/nhs-cloud/organization-trail');
    expect(plan.deliveryRoleName).toBe('nhs-cloud-platform-trail-delivery');
    expect(plan.metricNamespace).toBe('nhs-cloud/Guardrails');
    expect(plan.alarms.map((a) => a.alarmName)).toEqual([
      'nhs-cloud-guardrail-root-use',
      'nhs-cloud-guardrail-platform-admin-assumed',
      'nhs-cloud-guardrail-platform-admin-sign-in',
      'nhs-cloud-guardrail-break-glass-assumed',
      'nhs-cloud-guardrail-policy-changed',
      'nhs-cloud-guardrail-organization-changed',
    ]);
    expect(plan.alarms.every((a) => a.alarmName.startsWith(plan.alarmNamePrefix))).toBe(true);
  });

  it("counts the root user's own calls and sign-ins, not an AWS service acting for it", () => {
    expect(byId('RootUse').filterPattern).toBe(
      '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
    );
  });

  it('matches the platform admin and break-glass roles in any account, and no other role', () => {
    const admin = regexesOf(byId('PlatformAdminAssumed').filterPattern);
    const breakGlass = regexesOf(byId('BreakGlassAssumed').filterPattern);
    expect(byId('PlatformAdminAssumed').filterPattern).toContain('($.eventName = "AssumeRole")');
    const role = (account: string, name: string) => `arn:aws:iam::${account}:role/${name}`;
    for (const account of ['100000000002', '210000000017']) {
      expect(admin[0]!.test(role(account, 'nhs-cloud-platform-admin'))).toBe(true);
      expect(breakGlass[0]!.test(role(account, 'nhs-cloud-platform-break-glass'))).toBe(true);
    }
    expect(admin[0]!.test(role('100000000002', 'nhs-cloud-platform-admin-copy'))).toBe(false);
    expect(admin[0]!.test(role('100000000002', 'nhs-cloud-platform-break-glass'))).toBe(false);
    expect(breakGlass[0]!.test(role('100000000002', 'nhs-cloud-platform-admin'))).toBe(false);
  });

  it('matches a PlatformAdmin sign-in through Identity Center, not a tenant permission set', () => {
    const pattern = byId('PlatformAdminSignIn').filterPattern;
    expect(pattern).toContain('($.eventName = "AssumeRoleWithSAML")');
    const [sso] = regexesOf(pattern);
    const ssoRole = (set: string) =>
      `arn:aws:iam::210000000017:role/aws-reserved/sso.amazonaws.com/eu-west-2/AWSReservedSSO_${set}_0123456789abcdef`;
    expect(sso!.test(ssoRole('PlatformAdmin'))).toBe(true);
    expect(sso!.test(ssoRole('TenantAdmin'))).toBe(false);
  });

  it('splits Organizations calls into policy changes and structure changes, each call once', () => {
    for (const [id, calls] of [
      ['PolicyChanged', POLICY_CHANGES],
      ['OrganizationChanged', ORGANIZATION_CHANGES],
    ] as const) {
      const pattern = byId(id).filterPattern;
      expect(pattern).toContain('($.eventSource = "organizations.amazonaws.com")');
      expect([...pattern.matchAll(/\$\.eventName = "(\w+)"/g)].map((m) => m[1])).toEqual([...calls]);
    }
    expect(POLICY_CHANGES.filter((c) => (ORGANIZATION_CHANGES as readonly string[]).includes(c))).toEqual([]);
    expect(POLICY_CHANGES).toEqual(
      expect.arrayContaining(['UpdatePolicy', 'DetachPolicy', 'DisablePolicyType']),
    );
    expect(ORGANIZATION_CHANGES).toEqual(expect.arrayContaining(['LeaveOrganization', 'MoveAccount']));
  });

  // "Filter pattern syntax": 1,024 characters, at most 2 regular expressions per pattern and 5
  // patterns with one per log group, and regex characters limited to letters, digits, _#=@/;,-
  // and the operators ^$?[]{}|\*+.
  it('stays within CloudWatch Logs limits, so the metric filters deploy', () => {
    for (const a of plan.alarms) {
      expect(a.filterPattern.length).toBeLessThanOrEqual(MAX_FILTER_PATTERN);
      expect(regexesOf(a.filterPattern).length).toBeLessThanOrEqual(2);
      for (const [, body] of a.filterPattern.matchAll(/%([^%]+)%/g))
        expect(body).toMatch(/^[A-Za-z0-9_#=@/;,\-^$?[\]{}|\\*+.]+$/);
    }
    expect(plan.alarms.filter((a) => a.filterPattern.includes('%')).length).toBeLessThanOrEqual(5);
  });

  it('routes only these alarms, from the log archive, as they go into ALARM', () => {
    expect(guardrailAlarmEventPattern(plan, '100000000002')).toEqual({
      source: ['aws.cloudwatch'],
      detailType: ['CloudWatch Alarm State Change'],
      account: ['100000000002'],
      detail: { alarmName: [{ prefix: 'nhs-cloud-guardrail-' }], state: { value: ['ALARM'] } },
    });
  });
});
