import { AllocationRegister, parseAllocations } from './allocations';
import { ConfigError } from './config-error';
import { ESTATE_CHECKS, ParsedTenant, TENANT_SET_CHECKS } from './checks';
import { EstateModel, tenantKind } from './model';
import { estateSchema } from './schema/estate-schema';
import { tenantSchema } from './schema/tenant-schema';
import { checkAgainstSchema } from './schema-issues';
import { SourceFile } from './source-file';

/** The raw text of one config file and how to show its path. */
export interface ConfigText {
  readonly displayPath: string;
  readonly text: string;
}

export type ValidationResult = { ok: true; model: EstateModel } | { ok: false; errors: ConfigError[] };

/** Config files beside estate.yaml and tenants/ that some estates have. */
export interface OptionalConfigTexts {
  /** allocations.yaml, the allocation register (lib/config/allocations.ts). */
  readonly allocations?: ConfigText;
}

/**
 * Pure validation of an estate from file texts: schema per file, then cross-file checks.
 * Every error across every file is collected; a model is returned only when there are none.
 */
export function validateEstate(
  estateText: ConfigText,
  tenantTexts: readonly ConfigText[],
  today = new Date().toISOString().slice(0, 10),
  optional: OptionalConfigTexts = {},
): ValidationResult {
  const errors: ConfigError[] = [];
  let register: AllocationRegister | undefined;
  if (optional.allocations) {
    const { allocations } = optional;
    const parsed = parseAllocations(new SourceFile(allocations.displayPath, allocations.text));
    append(errors, parsed.errors);
    // An unreadable register (a merge conflict) says so once, not once per environment.
    if (parsed.register.source.syntaxErrors.length === 0) register = parsed.register;
  }
  const estateSource = new SourceFile(estateText.displayPath, estateText.text);
  append(errors, estateSource.syntaxErrors);
  const estate = estateSource.syntaxErrors.length
    ? undefined
    : collect(errors, checkAgainstSchema(estateSchema, estateSource));

  const tenants: ParsedTenant[] = [];
  const invalidTenantStems = new Set<string>();
  for (const { displayPath, text } of tenantTexts) {
    const source = new SourceFile(displayPath, text);
    append(errors, source.syntaxErrors);
    const value = source.syntaxErrors.length
      ? undefined
      : collect(errors, checkAgainstSchema(tenantSchema, source));
    if (!value) invalidTenantStems.add(fileStem(displayPath));
    else {
      tenants.push({
        tenant: { ...value, file: displayPath, kind: tenantKind(value.odsCode) },
        source,
        fileStem: fileStem(displayPath),
      });
    }
  }
  // Tenant files that failed their schema are left out of cross-file checks; their own errors
  // are already collected. Checks that need the estate wait until it is valid.
  for (const check of TENANT_SET_CHECKS) append(errors, check({ tenants, invalidTenantStems }));
  if (estate) {
    const context = { estate, estateSource, tenants, invalidTenantStems, today, register };
    for (const check of ESTATE_CHECKS) append(errors, check(context));
  }
  if (errors.length || !estate) return { ok: false, errors };
  const sorted = tenants.map((t) => t.tenant).sort((a, b) => a.odsCode.localeCompare(b.odsCode));
  return { ok: true, model: { estate, tenants: sorted } };
}

function collect<T>(errors: ConfigError[], result: { value?: T; errors: ConfigError[] }): T | undefined {
  append(errors, result.errors);
  return result.value;
}

function fileStem(path: string): string {
  return path.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');
}

/** Appends without spreading, which overflows the stack for very long error lists. */
function append(errors: ConfigError[], more: readonly ConfigError[]): void {
  for (const error of more) errors.push(error);
}
