import { UserInputError } from '../errors/user-input-error';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FileWrite, writeFilesAllOrNothing } from '../files/write-files';
import { GeneratedEstate } from './generate-estate';

export interface WriteEstateOptions {
  /** Replace an existing estate.yaml and tenant files in the folder. @default false */
  readonly force?: boolean;
}

/**
 * Writes estate.yaml, exceptions.yaml and tenants/ODS.yaml under `dir`; refuses to mix with an
 * existing estate. The files are written all or nothing (lib/files/write-files.ts): a full disk
 * half way leaves the folder as it was. Only then are files of a replaced estate that the new
 * one does not have removed (a stale tenant file beside a smaller new estate would join it).
 */
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
  const files: FileWrite[] = [
    { path: join(dir, 'estate.yaml'), text: estate.estateText },
    ...(estate.exceptionsText === undefined
      ? []
      : [{ path: join(dir, 'exceptions.yaml'), text: estate.exceptionsText }]),
    ...estate.tenants.map((t) => ({ path: join(tenantsDir, `${t.odsCode}.yaml`), text: t.text })),
  ];
  mkdirSync(tenantsDir, { recursive: true });
  writeFilesAllOrNothing(files);
  const written = new Set(estate.tenants.map((t) => `${t.odsCode}.yaml`));
  for (const file of existing.filter((f) => !written.has(f))) rmSync(join(tenantsDir, file));
  if (estate.exceptionsText === undefined) rmSync(join(dir, 'exceptions.yaml'), { force: true });
}
