import { Construct } from 'constructs';
import { AccountBaseline, BASELINE_ID } from '../../patterns/baseline/account-baseline';
import { FindingsAlerts } from '../../patterns/landing-zone/findings-alerts';
import { GuardDutyOrganization } from '../../patterns/landing-zone/guardduty-organization';
import { InspectorOrganization } from '../../patterns/landing-zone/inspector-organization';
import { OrganizationAnalyzers } from '../../patterns/landing-zone/organization-analyzers';
import { retainedKey } from '../../patterns/landing-zone/retained-key';
import { sdkCallLogs } from '../../patterns/landing-zone/sdk-call';
import { SecurityHubOrganization } from '../../patterns/landing-zone/security-hub-organization';
import { allEnvironments, coreAccounts, EstateModel } from '../../config/model';
import { LandingZoneConfig } from '../../config/schema/landing-zone-schema';
import { planCoreBaseline } from '../../planners/landing-zone/baseline-plan';
import {
  guardrailAlarmEventPattern,
  planGuardrailAlarms,
} from '../../planners/landing-zone/guardrail-alarms';
import { sdkCallRoleName } from '../../planners/landing-zone/platform-principals';
import { CoreStack } from '../core-stack';

/**
 * Security Hub controls switched off organization-wide, each because another control makes it
 * moot: the SCPs deny every IAM user a console password, so password-policy checks have
 * nothing to check (docs/adr/0012-identity-and-passwords.md).
 */
export const DISABLED_CONTROLS = ['IAM.7', 'IAM.15', 'IAM.16'] as const;

export interface SecurityStackProps {
  readonly model: EstateModel;
  readonly landingZone: LandingZoneConfig;
}

/**
 * Core-Security, the security account as delegated administrator: GuardDuty, Security Hub
 * (central configuration), Inspector, Access Analyzer, the Config aggregator and Macie, all
 * organization-wide, HIGH+ findings and the log archive's guardrail alarms routed to the
 * security team and the CSOC, and the account's own baseline.
 */
export class SecurityStack extends CoreStack {
  constructor(scope: Construct, id: string, props: SecurityStackProps) {
    super(scope, id, { estate: props.model.estate, role: 'security' });
    const { model, landingZone: lz } = props;
    const { estate } = model;
    const baseline = new AccountBaseline(this, BASELINE_ID, {
      plan: planCoreBaseline(estate.homeRegion, estate, lz),
    });
    const logGroup = sdkCallLogs(this, {
      retentionDays: estate.security.logRetention,
      encryptionKey: baseline.keys.logs!.key,
      // GuardDuty's calls are among those the guardrails deny to anyone but the platform.
      roleName: sdkCallRoleName(estate.name, id),
    });
    new GuardDutyOrganization(this, 'GuardDuty', { logGroup });
    new SecurityHubOrganization(this, 'SecurityHub', {
      namePrefix: estate.name,
      rootId: lz.organizationRootId,
      disabledControls: DISABLED_CONTROLS,
    });
    const members = [
      ...Object.values(coreAccounts(estate)),
      ...allEnvironments(model).flatMap((env) => (env.accountId ? [env.accountId] : [])),
    ];
    new InspectorOrganization(this, 'Inspector', { memberAccounts: members, logGroup });
    new OrganizationAnalyzers(this, 'Analyzers', { namePrefix: estate.name, logGroup });
    new FindingsAlerts(this, 'FindingsAlerts', {
      topicName: `${estate.name}-security-findings`,
      key: retainedKey(this, 'AlertsKey', {
        alias: `alias/${estate.name}/security-alerts`,
        description: 'Security finding alerts (SNS topic and CSOC dead-letter queue)',
      }),
      emails: lz.securityNotificationEmails,
      csoc: lz.csocEndpoint,
      guardrailAlarms: {
        fromAccount: estate.organization.accounts.logArchive,
        pattern: guardrailAlarmEventPattern(
          planGuardrailAlarms(estate.name),
          estate.organization.accounts.logArchive,
        ),
      },
    });
  }
}
