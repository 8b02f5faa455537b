import { sdkCallOf } from '../sdk-calls';
import { allResources, renderText } from '../template-values';
import { DeployStack } from '../types';

/** Something a resource does to the organization, and what must already be in place for it. */
export interface OrganizationEvent {
  /** `Stack/LogicalId`. */
  readonly node: string;
  /** What the event is, for messages. */
  readonly what: string;
  readonly provides: readonly string[];
  readonly requires: readonly string[];
}

/** Trusted access, by service principal: `access:<principal>`. */
export const access = (principal: string) => `access:${principal}`;
/** A delegated administrator: `admin:<principal>:<account>`. */
export const admin = (principal: string, account: string) => `admin:${principal}:${account}`;

const STACKSETS = 'member.org.stacksets.cloudformation.amazonaws.com';

/** Calls that make an account a service's delegated administrator, by service API. */
const DELEGATIONS: Readonly<Record<string, { principal: string; accountParameter: string }>> = {
  'GuardDuty.enableOrganizationAdminAccount': {
    principal: 'guardduty.amazonaws.com',
    accountParameter: 'AdminAccountId',
  },
  'Inspector2.enableDelegatedAdminAccount': {
    principal: 'inspector2.amazonaws.com',
    accountParameter: 'delegatedAdminAccountId',
  },
  'Macie2.enableOrganizationAdminAccount': {
    principal: 'macie.amazonaws.com',
    accountParameter: 'adminAccountId',
  },
  'CloudTrail.registerOrganizationDelegatedAdmin': {
    principal: 'cloudtrail.amazonaws.com',
    accountParameter: 'MemberAccountId',
  },
};

/**
 * The organization events in the assembly: what enables trusted access, registers a delegated
 * administrator or switches a policy type on (provides), and what acts organization-wide
 * (requires). Requirements follow AWS's documented prerequisites ("AWS services that you can
 * use with AWS Organizations",
 * https://docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_services_list.html):
 * trusted access before a delegated administrator, the administrator before organization-wide
 * configuration from its account, the policy type before a policy of that type.
 */
export function organizationEvents(stacks: readonly DeployStack[], management: string): OrganizationEvent[] {
  const events: OrganizationEvent[] = [];
  for (const { stack, id, resource } of allResources(stacks)) {
    const node = `${stack.id}/${id}`;
    const props = resource.Properties ?? {};
    const add = (what: string, provides: string[], requires: string[]) =>
      events.push({ node, what, provides, requires });
    /** Organization-wide from a member account needs it to be the administrator; from the management account, trusted access. */
    const fromAccount = (principal: string) =>
      stack.account === management
        ? [access(principal)]
        : [access(principal), admin(principal, stack.account)];
    const call = sdkCallOf(resource);
    if (call) {
      const name = `${call.service}.${call.action}`;
      const p = call.parameters;
      const text = (v: unknown) => renderText(stack, v) ?? 'UNRESOLVED';
      const delegation = DELEGATIONS[name];
      if (name === 'Organizations.enableAWSServiceAccess') add(name, [access(text(p.ServicePrincipal))], []);
      else if (name === 'Organizations.registerDelegatedAdministrator')
        add(name, [admin(text(p.ServicePrincipal), text(p.AccountId))], [access(text(p.ServicePrincipal))]);
      else if (name === 'Organizations.enablePolicyType')
        add(name, [`policy-type:${text(p.PolicyType)}`], []);
      else if (name === 'RAM.enableSharingWithAwsOrganization') add(name, [access('ram.amazonaws.com')], []);
      else if (name === 'CloudFormation.activateOrganizationsAccess') add(name, [access(STACKSETS)], []);
      else if (delegation)
        add(
          name,
          [admin(delegation.principal, text(p[delegation.accountParameter]))],
          [access(delegation.principal)],
        );
      else if (name === 'GuardDuty.createDetector') add(name, [`guardduty-on:${stack.account}`], []);
      else if (name === 'GuardDuty.updateOrganizationConfiguration')
        add(name, [], [...fromAccount('guardduty.amazonaws.com'), `guardduty-on:${stack.account}`]);
      else if (name === 'Inspector2.updateOrganizationConfiguration' || name === 'Inspector2.enable')
        add(name, [], fromAccount('inspector2.amazonaws.com'));
      else if (name === 'Backup.updateGlobalSettings') add(name, [], [access('backup.amazonaws.com')]);
      else if (name === 'IAM.enableOrganizationsRootCredentialsManagement')
        add(name, [], [access('iam.amazonaws.com')]);
      continue;
    }
    switch (resource.Type) {
      case 'AWS::SecurityHub::DelegatedAdmin':
        add(
          resource.Type,
          [admin('securityhub.amazonaws.com', renderText(stack, props.AdminAccountId) ?? 'UNRESOLVED')],
          [access('securityhub.amazonaws.com')],
        );
        break;
      case 'AWS::SecurityHub::OrganizationConfiguration':
      case 'AWS::SecurityHub::ConfigurationPolicy':
      case 'AWS::SecurityHub::PolicyAssociation':
        add(resource.Type, [], fromAccount('securityhub.amazonaws.com'));
        break;
      case 'AWS::CloudTrail::Trail':
        if (props.IsOrganizationTrail === true || props.IsOrganizationTrail === 'true')
          add('organization trail', [], fromAccount('cloudtrail.amazonaws.com'));
        break;
      case 'AWS::AccessAnalyzer::Analyzer':
        if (String(props.Type).startsWith('ORGANIZATION'))
          add('organization analyzer', [], fromAccount('access-analyzer.amazonaws.com'));
        break;
      case 'AWS::Config::ConfigurationAggregator':
        if (props.OrganizationAggregationSource)
          add('organization aggregator', [], fromAccount('config.amazonaws.com'));
        break;
      case 'AWS::RAM::ResourceShare':
        if (JSON.stringify(props.Principals ?? []).includes(':organizations::'))
          add('share with the organization', [], [access('ram.amazonaws.com')]);
        break;
      case 'AWS::Organizations::Policy':
        add(`${String(props.Type)} policy`, [], [`policy-type:${String(props.Type)}`]);
        break;
      case 'AWS::CloudFormation::StackSet':
        if (props.PermissionModel === 'SERVICE_MANAGED')
          add('service-managed StackSet', [], [access(STACKSETS)]);
        break;
    }
  }
  return events;
}
