import { Duration, aws_iam as iam } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { BaselineRolesPlan } from '../../planners/landing-zone/baseline-plan';

export interface PlatformRolesProps {
  readonly plan: BaselineRolesPlan;
}

const managed = (name: string) => iam.ManagedPolicy.fromAwsManagedPolicyName(name);

/**
 * The three ways the platform gets into an account: the admin role its pipeline assumes, a
 * view-only role for the security account's tooling, and a break-glass administrator that only
 * the management account can assume, with MFA, for an hour at a time. Tenants cannot change or
 * assume any of them (SCP).
 */
export class PlatformRoles extends Construct {
  /** Undefined in the management account (see `BaselineRolesPlan.withAdmin`). */
  readonly admin?: iam.Role;
  readonly readOnly: iam.Role;
  readonly breakGlass: iam.Role;

  constructor(scope: Construct, id: string, props: PlatformRolesProps) {
    super(scope, id);
    const { plan } = props;
    this.admin = !plan.withAdmin
      ? undefined
      : new iam.Role(this, 'Admin', {
          roleName: plan.names.admin,
          // The pipeline's named roles only, not every principal of the deployment account.
          assumedBy: new iam.AccountPrincipal(plan.adminTrustedAccount).withConditions({
            ArnLike: { 'aws:PrincipalArn': [...plan.adminTrustedRoles] },
          }),
          description: 'Platform pipeline and engineers: administers the account',
          managedPolicies: [managed('AdministratorAccess')],
          maxSessionDuration: Duration.hours(4),
        });
    this.readOnly = new iam.Role(this, 'ReadOnly', {
      roleName: plan.names.readOnly,
      assumedBy: new iam.AccountPrincipal(plan.readOnlyTrustedAccount),
      description: 'Security tooling and auditors: configuration and metadata, no data contents',
      managedPolicies: [managed('job-function/ViewOnlyAccess'), managed('SecurityAudit')],
    });
    this.breakGlass = new iam.Role(this, 'BreakGlass', {
      roleName: plan.names.breakGlass,
      assumedBy: new iam.AccountPrincipal(plan.breakGlassTrustedAccount).withConditions({
        Bool: { 'aws:MultiFactorAuthPresent': 'true' },
      }),
      description: 'Emergency administrator: from the management account, with MFA, one hour',
      managedPolicies: [managed('AdministratorAccess')],
      maxSessionDuration: Duration.hours(1),
    });
  }
}
