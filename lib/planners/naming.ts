import { EstateConfig } from '../config/schema/estate-schema';

/**
 * Names that more than one stack or account must agree on. Deterministic from config, so a
 * tenant stack can point at the log archive without a cross-account reference.
 */
export const CORE_STACKS = {
  organization: 'Core-Organization',
  logArchive: 'Core-LogArchive',
  security: 'Core-Security',
  network: 'Core-Network',
  sharedServices: 'Core-SharedServices',
} as const;

export type CoreStackRole = keyof typeof CORE_STACKS;

/** `Tenant-RGR-prod`: stable and readable, never derived from anything that can move (e.g. the ICB). */
export function tenantStackName(odsCode: string, environment: string): string {
  return `Tenant-${odsCode}-${environment}`;
}

export type LogPurpose =
  'cloudtrail' | 'vpc-flow-logs' | 'dns-query-logs' | 'network-firewall' | 'access-logs';

/** Central log bucket for one purpose, in the log-archive account and home region. */
export function logBucketName(estate: EstateConfig, purpose: LogPurpose): string {
  return `${estate.name}-${purpose}-${estate.organization.accounts.logArchive}-${estate.homeRegion}`;
}

export function logBucketArn(estate: EstateConfig, purpose: LogPurpose): string {
  return `arn:aws:s3:::${logBucketName(estate, purpose)}`;
}
