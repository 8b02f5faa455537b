import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigValidationError } from '../config/config-error';
import { UserInputError } from '../errors/user-input-error';
import { readConfigTexts } from '../config/load-config';
import { validateEstate } from '../config/validate-estate';
import { allEnvironments } from '../config/model';
import { allocateCidrs } from '../net/cidr-allocator';
import { renderTenantYaml } from './render-tenant-yaml';
import { TenantRequest } from './tenant-request';

export interface OnboardResult {
  readonly file: string;
  readonly text: string;
  readonly cidrs: readonly string[];
}

/**
 * Plans a new tenant file: allocates each environment's CIDR from the free space of
 * tenantSupernet (lowest free block first, so the result is deterministic), renders the
 * YAML and validates the whole estate with it. Writes nothing.
 */
export function planOnboarding(configDir: string, request: TenantRequest): OnboardResult {
  const texts = readConfigTexts(configDir);
  if (Array.isArray(texts)) throw new ConfigValidationError(texts);
  const current = validateEstate(texts.estate, texts.tenants);
  if (!current.ok) throw new ConfigValidationError(current.errors);
  const { estate } = current.model;

  const file = join(configDir, 'tenants', `${request.odsCode}.yaml`);
  if (existsSync(file))
    throw new UserInputError(`${file} already exists; edit it in a pull request instead of onboarding again`);

  const used = [
    ...allEnvironments(current.model).map((e) => e.cidr),
    ...Object.values(estate.network.hub),
    ...current.model.tenants.flatMap((t) => t.network.onPremises?.cidrs ?? []),
    ...(request.onPremises?.cidrs ?? []),
  ];
  const cidrs = allocateCidrs(
    estate.network.tenantSupernet,
    used,
    request.environments.map(() => request.prefix),
  );
  if (!cidrs) {
    throw new UserInputError(
      `tenantSupernet ${estate.network.tenantSupernet} has no room for ${request.environments.length} more /${request.prefix} blocks; try a longer --prefix or extend the supernet`,
    );
  }
  const text = renderTenantYaml(request, cidrs);
  const checked = validateEstate(texts.estate, [...texts.tenants, { displayPath: file, text }]);
  if (!checked.ok) throw new ConfigValidationError(checked.errors);
  return { file, text, cidrs };
}

export function writeOnboarding(result: OnboardResult): void {
  mkdirSync(dirname(result.file), { recursive: true });
  writeFileSync(result.file, result.text, { flag: 'wx' });
}
