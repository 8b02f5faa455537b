import { EstateConfig } from './schema/estate-schema';
import { TenantConfig } from './schema/tenant-schema';

export type TenantKind = 'trust' | 'icb' | 'national';
export type Tier = 'prod' | 'nonprod';

/** A validated tenant file. */
export interface Tenant extends TenantConfig {
  /** The file it came from, as displayed in errors. */
  readonly file: string;
  readonly kind: TenantKind;
}

/** One tenant environment: one AWS account and one spoke VPC. */
export interface TenantEnvironment {
  readonly tenant: Tenant;
  readonly name: string;
  readonly accountId?: string;
  readonly email?: string;
  readonly cidr: string;
  readonly region: string;
  readonly tier: Tier;
}

/** The validated estate: the only input planners and stacks receive. */
export interface EstateModel {
  readonly estate: EstateConfig;
  /** Sorted by ODS code so every output is deterministic. */
  readonly tenants: readonly Tenant[];
}

export function tenantKind(odsCode: string): TenantKind {
  if (odsCode.startsWith('Q')) return 'icb';
  if (odsCode.startsWith('X')) return 'national';
  return 'trust';
}

export function tierOf(environmentName: string, explicit?: Tier): Tier {
  return explicit ?? (environmentName === 'prod' || environmentName === 'production' ? 'prod' : 'nonprod');
}

export function environmentsOf(tenant: Tenant, estate: EstateConfig): TenantEnvironment[] {
  return Object.entries(tenant.environments).map(([name, env]) => ({
    tenant,
    name,
    accountId: env.accountId,
    email: env.email,
    cidr: env.cidr,
    region: env.region ?? estate.homeRegion,
    tier: tierOf(name, env.tier),
  }));
}

export function allEnvironments(model: EstateModel): TenantEnvironment[] {
  return model.tenants.flatMap((t) => environmentsOf(t, model.estate));
}

/** Core account IDs by role, for checks and stacks. */
export function coreAccounts(estate: EstateConfig): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [role, id] of Object.entries(estate.organization.accounts)) if (id) out[role] = id;
  return out;
}
