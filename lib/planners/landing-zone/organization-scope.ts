import { allEnvironments, coreAccounts, EstateModel } from '../../config/model';
import { LandingZoneConfig } from '../../config/schema/landing-zone-schema';

export interface OrganizationScope {
  /** Condition key on the caller's side, e.g. aws:SourceOrgID, or aws:SourceAccount as a fallback. */
  readonly sourceKey: 'aws:SourceOrgID' | 'aws:SourceAccount';
  /** Condition key on the principal, for cross-account principals. */
  readonly principalKey: 'aws:PrincipalOrgID' | 'aws:PrincipalAccount';
  readonly values: readonly string[];
}

/**
 * How resource policies (log buckets, keys, vaults) recognise "our organization". With
 * `landingZone.organizationId` it is one condition value; without it, the account IDs in
 * config, which stays correct but grows with every environment (a bucket policy holds 20 KB,
 * about 400 accounts), so set the ID before the estate grows.
 */
export function organizationScope(model: EstateModel, lz: LandingZoneConfig): OrganizationScope {
  if (lz.organizationId) {
    return { sourceKey: 'aws:SourceOrgID', principalKey: 'aws:PrincipalOrgID', values: [lz.organizationId] };
  }
  const accounts = new Set([
    ...Object.values(coreAccounts(model.estate)),
    ...allEnvironments(model).flatMap((e) => (e.accountId ? [e.accountId] : [])),
  ]);
  return {
    sourceKey: 'aws:SourceAccount',
    principalKey: 'aws:PrincipalAccount',
    values: [...accounts].sort(),
  };
}
