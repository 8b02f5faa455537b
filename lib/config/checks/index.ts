import { checkAccountIds } from './account-ids';
import { ConfigCheck } from './check-context';
import { checkCidrs } from './cidrs';
import { checkOdsCodes } from './ods-codes';
import { checkRegions } from './regions';
import { checkSegmentationRules } from './segmentation-rules';

export * from './check-context';

/** Every cross-file check, run in this order over a schema-valid estate. */
export const CROSS_FILE_CHECKS: readonly ConfigCheck[] = [
  checkOdsCodes,
  checkAccountIds,
  checkCidrs,
  checkRegions,
  checkSegmentationRules,
];
