import { AllocationRegister } from '../allocations';
import { ConfigError } from '../config-error';
import { Tenant } from '../model';
import { EstateConfig } from '../schema/estate-schema';
import { SourceFile } from '../source-file';

/** A tenant that passed its schema, with the file it came from. */
export interface ParsedTenant {
  readonly tenant: Tenant;
  readonly source: SourceFile;
  /** The file name without `.yaml`, which must equal the ODS code. */
  readonly fileStem: string;
}

/** Everything a cross-file check may look at. Checks are pure: they only return errors. */
export interface CheckContext {
  readonly estate: EstateConfig;
  readonly estateSource: SourceFile;
  readonly tenants: readonly ParsedTenant[];
  /** Stems of tenant files that exist but failed their schema: referenced, so not "unknown". */
  readonly invalidTenantStems: ReadonlySet<string>;
  /** Today's date as YYYY-MM-DD, passed in so expiry checks are testable. */
  readonly today: string;
  /** The allocation register (allocations.yaml), when the estate keeps one. */
  readonly register?: AllocationRegister;
}

export type ConfigCheck = (context: CheckContext) => ConfigError[];

/** A check that needs only the tenant files, so it still runs when estate.yaml is invalid. */
export type TenantSetCheck = (context: Pick<CheckContext, 'tenants' | 'invalidTenantStems'>) => ConfigError[];
