import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ALLOCATIONS_FILE } from './allocations';
import { ConfigError, ConfigValidationError } from './config-error';
import { EstateModel } from './model';
import { readConfigFile } from './read-config-file';
import { classifyTenantFolder } from './tenant-files';
import { ConfigText, OptionalConfigTexts, validateEstate, ValidationResult } from './validate-estate';

/** Every file of an estate, read: estate.yaml, each tenant file, and the optional files. */
export interface ConfigTexts extends OptionalConfigTexts {
  readonly estate: ConfigText;
  readonly tenants: ConfigText[];
}

/**
 * The thin file-system edge of config loading: read texts, hand them to the pure validator.
 * Returns every file that cannot be read, and every entry of tenants/ that is not a tenant
 * file, positioned like any other config error.
 */
export function readConfigTexts(configDir: string): ConfigTexts | ConfigError[] {
  const estatePath = join(configDir, 'estate.yaml');
  const folder = statSync(configDir, { throwIfNoEntry: false });
  // lstat: a dangling link named estate.yaml is reported as one, not as "not found".
  if (!folder?.isDirectory() || !lstatSync(estatePath, { throwIfNoEntry: false })) {
    const message = !folder
      ? `expected a config folder with estate.yaml, but ${display(configDir)} does not exist`
      : !folder.isDirectory()
        ? `expected a config folder with estate.yaml, but ${display(configDir)} is a file`
        : 'estate.yaml not found';
    return [
      {
        file: display(estatePath),
        line: 0,
        column: 0,
        field: '',
        message,
        hint: `pass --config DIR (or -c config=DIR) pointing at a folder with estate.yaml and tenants/`,
      },
    ];
  }
  const tenantsDir = join(configDir, 'tenants');
  const listing = tenantFolder(tenantsDir);
  const errors: ConfigError[] = [...listing.errors];
  const read = [estatePath, ...listing.names.map((name) => join(tenantsDir, name))].map((path) =>
    readConfigFile(path, display(path)),
  );
  const allocationsPath = join(configDir, ALLOCATIONS_FILE);
  // lstat: a dangling link named allocations.yaml is reported, not taken for "no register".
  const allocations = lstatSync(allocationsPath, { throwIfNoEntry: false })
    ? readConfigFile(allocationsPath, display(allocationsPath))
    : undefined;
  for (const result of [...read, ...(allocations ? [allocations] : [])])
    if ('message' in result) errors.push(result);
  if (errors.length) return errors;
  const [estate, ...tenants] = read as ConfigText[];
  return { estate, tenants, ...(allocations && { allocations: allocations as ConfigText }) };
}

/** The tenant files in tenants/, and an error for each entry that is not one. */
function tenantFolder(dir: string): { names: readonly string[]; errors: ConfigError[] } {
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (!stat) return { names: [], errors: [] };
  const at = (name: string, message: string, hint: string): ConfigError => ({
    file: display(join(dir, name)),
    line: 0,
    column: 0,
    field: '',
    message,
    hint,
  });
  if (!stat.isDirectory())
    return {
      names: [],
      errors: [
        at('', 'expected a folder of tenant files, found a file', 'tenants/ is a folder of ODS.yaml files'),
      ],
    };
  const { tenantFiles, misnamed } = classifyTenantFolder(readdirSync(dir));
  return {
    names: tenantFiles,
    errors: misnamed.map(({ name, hint }) => at(name, 'expected a tenant file named *.yaml or *.yml', hint)),
  };
}

export function validateConfigDir(configDir: string, today?: string): ValidationResult {
  const texts = readConfigTexts(configDir);
  if (Array.isArray(texts)) return { ok: false, errors: texts };
  return validateEstate(texts.estate, texts.tenants, today, texts);
}

/** Loads and validates, throwing every error at once. */
export function loadConfig(configDir: string): EstateModel {
  const result = validateConfigDir(configDir);
  if (!result.ok) throw new ConfigValidationError(result.errors);
  return result.model;
}

/** Paths inside the working directory are shown relative to it, as the user would type them. */
export function display(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return rel.startsWith('..') ? resolve(path) : rel;
}
