import { checkAccountEmails } from './account-emails';
import { checkAccountIds } from './account-ids';
import { ConfigCheck, TenantSetCheck } from './check-context';
import { checkCidrs } from './cidrs';
import { checkOdsCodes } from './ods-codes';
import { checkRegions } from './regions';
import { checkSegmentationRules } from './segmentation-rules';

export * from './check-context';

/** Checks over the tenant files alone; they run even when estate.yaml fails its schema. */
export const TENANT_SET_CHECKS: readonly TenantSetCheck[] = [checkOdsCodes, checkAccountEmails];

/** Checks that need a schema-valid estate.yaml as well. */
export const ESTATE_CHECKS: readonly ConfigCheck[] = [
  checkAccountIds,
  checkCidrs,
  checkRegions,
  checkSegmentationRules,
];

/** Every cross-file check, in the order they run over a schema-valid estate. */
export const CROSS_FILE_CHECKS: readonly ConfigCheck[] = [...TENANT_SET_CHECKS, ...ESTATE_CHECKS];
