import { TenantEnvironment } from '../../config/model';
import { EstateConfig } from '../../config/schema/estate-schema';
import { LandingZoneConfig } from '../../config/schema/landing-zone-schema';

const AWS_POLICY = 'arn:aws:iam::aws:policy/';

/**
 * IAM Identity Center permission sets. Access to data is deliberately narrow: ReadOnly is
 * ViewOnlyAccess (metadata, not object or record contents), so read-only users never see
 * patient data; only TenantAdmin and TenantDeveloper can read a tenant's data, in its accounts.
 */
export const PERMISSION_SETS = {
  PlatformAdmin: {
    description:
      'Platform engineers: administer any account, within the guardrails the SCPs exempt them from',
    managedPolicies: [`${AWS_POLICY}AdministratorAccess`],
    sessionHours: 4,
  },
  TenantAdmin: {
    description: 'Tenant administrators: full control of their own accounts, inside the guardrails',
    managedPolicies: [`${AWS_POLICY}AdministratorAccess`],
    sessionHours: 4,
  },
  TenantDeveloper: {
    description: 'Tenant developers: build and run workloads (no IAM) in non-production accounts',
    managedPolicies: [`${AWS_POLICY}PowerUserAccess`],
    sessionHours: 8,
  },
  ReadOnly: {
    description: 'View configuration and metadata only; no access to data contents',
    managedPolicies: [`${AWS_POLICY}job-function/ViewOnlyAccess`],
    sessionHours: 8,
  },
  SecurityAudit: {
    description: 'Security team and auditors: read security configuration across the estate',
    managedPolicies: [`${AWS_POLICY}SecurityAudit`, `${AWS_POLICY}job-function/ViewOnlyAccess`],
    sessionHours: 8,
  },
} as const;

export type PermissionSetName = keyof typeof PERMISSION_SETS;

/** The group role that goes into a group name, per permission set. */
const PLATFORM_GROUPS = {
  PlatformAdmin: 'admin',
  SecurityAudit: 'security-audit',
  ReadOnly: 'read-only',
} as const;
const TENANT_GROUPS = { TenantAdmin: 'admin', TenantDeveloper: 'developer', ReadOnly: 'read-only' } as const;

export interface AssignmentPlan {
  /** Stable construct ID within the account's assignments. */
  readonly id: string;
  readonly accountId: string;
  readonly permissionSet: PermissionSetName;
  /** Directory group display name (as synchronised from Entra ID by SCIM). */
  readonly group: string;
}

/**
 *   groupName('{estate}-{odsCode}-{role}', { estate: 'nhs-cloud', odsCode: 'RGR', role: 'admin' })
 *     -> 'nhs-cloud-RGR-admin'
 */
export function groupName(
  pattern: string,
  values: { estate: string; odsCode?: string; role: string },
): string {
  return pattern
    .replaceAll('{estate}', values.estate)
    .replaceAll('{odsCode}', values.odsCode ?? '')
    .replaceAll('{role}', values.role);
}

type Identity = NonNullable<LandingZoneConfig['identity']>;

function platformAssignments(
  accountId: string,
  estate: string,
  identity: Identity,
  admin: boolean,
): AssignmentPlan[] {
  const sets: (keyof typeof PLATFORM_GROUPS)[] = admin
    ? ['PlatformAdmin', 'SecurityAudit', 'ReadOnly']
    : ['SecurityAudit', 'ReadOnly'];
  return sets.map((permissionSet) => {
    const role = PLATFORM_GROUPS[permissionSet];
    return {
      id: `platform-${role}`,
      accountId,
      permissionSet,
      group: groupName(identity.platformGroupPattern, { estate, role }),
    };
  });
}

/**
 * The platform's directory groups (admin, security audit, read-only), the same for every
 * account. Core-Organization resolves their IDs once and publishes them for the tenant stacks.
 */
export function platformGroupNames(estate: string, identity: Identity): string[] {
  return Object.values(PLATFORM_GROUPS).map((role) =>
    groupName(identity.platformGroupPattern, { estate, role }),
  );
}

/**
 * Who gets into one tenant environment's account: the tenant's admins; its developers (with
 * ReadOnly instead in production, so changes to prod go through a pipeline); its read-only
 * group; and the platform's admin, security-audit and read-only groups.
 */
export function planTenantAssignments(
  env: TenantEnvironment,
  estate: EstateConfig,
  identity: Identity,
): AssignmentPlan[] {
  if (!env.accountId) return [];
  const accountId = env.accountId;
  const { odsCode } = env.tenant;
  const tenant = (permissionSet: PermissionSetName, role: string): AssignmentPlan => ({
    id: `${env.name}-${role}`,
    accountId,
    permissionSet,
    group: groupName(identity.tenantGroupPattern, { estate: estate.name, odsCode, role }),
  });
  return [
    tenant('TenantAdmin', TENANT_GROUPS.TenantAdmin),
    tenant(env.tier === 'prod' ? 'ReadOnly' : 'TenantDeveloper', TENANT_GROUPS.TenantDeveloper),
    tenant('ReadOnly', TENANT_GROUPS.ReadOnly),
    ...platformAssignments(accountId, estate.name, identity, true).map((a) => ({
      ...a,
      id: `${env.name}-${a.id}`,
    })),
  ];
}

/**
 * Platform groups in the core accounts. The management account gets no administrator
 * assignment: it is administered only through break-glass, because it is exempt from SCPs.
 */
export function planCoreAssignments(estate: EstateConfig, identity: Identity): AssignmentPlan[] {
  return Object.entries(estate.organization.accounts)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .flatMap(([role, accountId]) =>
      platformAssignments(accountId, estate.name, identity, role !== 'management').map((a) => ({
        ...a,
        id: `${role}-${a.id}`,
      })),
    );
}
