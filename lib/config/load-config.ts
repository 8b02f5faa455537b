import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ConfigError, ConfigValidationError } from './config-error';
import { EstateModel } from './model';
import { readConfigFile } from './read-config-file';
import { ConfigText, validateEstate, ValidationResult } from './validate-estate';

/**
 * The thin file-system edge of config loading: read texts, hand them to the pure validator.
 * Returns every file that cannot be read, positioned like any other config error.
 */
export function readConfigTexts(
  configDir: string,
): { estate: ConfigText; tenants: ConfigText[] } | ConfigError[] {
  const estatePath = join(configDir, 'estate.yaml');
  if (!existsSync(estatePath)) {
    return [
      {
        file: display(estatePath),
        line: 0,
        column: 0,
        field: '',
        message: 'estate.yaml not found',
        hint: `pass --config DIR (or -c config=DIR) pointing at a folder with estate.yaml and tenants/`,
      },
    ];
  }
  const tenantsDir = join(configDir, 'tenants');
  const names = existsSync(tenantsDir)
    ? readdirSync(tenantsDir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
    : [];
  const read = [estatePath, ...names.map((name) => join(tenantsDir, name))].map((path) =>
    readConfigFile(path, display(path)),
  );
  const errors = read.filter((r): r is ConfigError => 'message' in r);
  if (errors.length) return errors;
  const [estate, ...tenants] = read as ConfigText[];
  return { estate, tenants };
}

export function validateConfigDir(configDir: string, today?: string): ValidationResult {
  const texts = readConfigTexts(configDir);
  if (Array.isArray(texts)) return { ok: false, errors: texts };
  return validateEstate(texts.estate, texts.tenants, today);
}

/** Loads and validates, throwing every error at once. */
export function loadConfig(configDir: string): EstateModel {
  const result = validateConfigDir(configDir);
  if (!result.ok) throw new ConfigValidationError(result.errors);
  return result.model;
}

/** Paths inside the working directory are shown relative to it, as the user would type them. */
function display(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return rel.startsWith('..') ? resolve(path) : rel;
}
