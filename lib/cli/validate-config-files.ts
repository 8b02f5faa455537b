import { ConfigError, ConfigValidationError } from '../config/config-error';
import { validateConfigDir } from '../config/load-config';
import { EstateModel } from '../config/model';
import { todayUtc } from '../security-review/dates';
import { parseExceptions, readExceptionsText } from '../security-review/load-exceptions';

export type ConfigFilesResult =
  | { readonly ok: true; readonly model: EstateModel }
  | { readonly ok: false; readonly errors: readonly ConfigError[] };

/**
 * Every config file `cdk synth` reads, checked as synth checks it: estate.yaml, tenants/,
 * allocations.yaml and exceptions.yaml (schema, expiry, tenants it names). A broken
 * exceptions.yaml used to pass validate and fail only at synth.
 */
export function validateConfigFiles(configDir: string, today: string = todayUtc()): ConfigFilesResult {
  const estate = validateConfigDir(configDir, today);
  let exceptionErrors: ConfigError[] = [];
  try {
    const exceptions = parseExceptions(readExceptionsText(configDir), {
      today,
      tenants: estate.ok ? estate.model.tenants.map((t) => t.odsCode) : [],
    });
    // The tenants an exception names can only be checked against a valid estate.
    if (!exceptions.ok)
      exceptionErrors = estate.ok
        ? exceptions.errors
        : exceptions.errors.filter((e) => !e.field.endsWith('scope.tenant'));
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    exceptionErrors = [...error.errors];
  }
  const errors = [...(estate.ok ? [] : estate.errors), ...exceptionErrors];
  if (!estate.ok || errors.length > 0) return { ok: false, errors };
  return { ok: true, model: estate.model };
}
