import { UserInputError } from '../errors/user-input-error';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GeneratedEstate } from './generate-estate';

export interface WriteEstateOptions {
  /** Replace an existing estate.yaml and tenant files in the folder. @default false */
  readonly force?: boolean;
}

/** Writes estate.yaml, exceptions.yaml and tenants/ODS.yaml under `dir`; refuses to mix with an existing estate. */
export function writeGeneratedEstate(
  dir: string,
  estate: GeneratedEstate,
  options: WriteEstateOptions = {},
): void {
  const tenantsDir = join(dir, 'tenants');
  const existing = existsSync(tenantsDir) ? readdirSync(tenantsDir).filter((f) => /\.ya?ml$/.test(f)) : [];
  if (!options.force && (existsSync(join(dir, 'estate.yaml')) || existing.length > 0)) {
    throw UserInputError.at({ flag: '--out' }, `${dir} already holds an estate`, {
      hint: 'pass --force to replace it, or choose another folder',
    });
  }
  // A stale tenant file left beside a smaller new estate would silently join it.
  for (const file of existing) rmSync(join(tenantsDir, file));
  mkdirSync(tenantsDir, { recursive: true });
  writeFileSync(join(dir, 'estate.yaml'), estate.estateText);
  const exceptions = join(dir, 'exceptions.yaml');
  if (estate.exceptionsText !== undefined) writeFileSync(exceptions, estate.exceptionsText);
  else rmSync(exceptions, { force: true });
  for (const tenant of estate.tenants) writeFileSync(join(tenantsDir, `${tenant.odsCode}.yaml`), tenant.text);
}
