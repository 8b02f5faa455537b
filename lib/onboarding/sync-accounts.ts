import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { VendedAccountOutput, vendedAccountsFromOutputs } from '../planners/landing-zone/account-vending';
import { applyVendedAccounts, VendedAccountChange } from '../planners/landing-zone/vended-accounts';
import { UserInputError } from '../errors/user-input-error';

export interface SyncAccountsOptions {
  /** JSON written by `cdk deploy --outputs-file`. */
  readonly outputsFile: string;
  /** Config directory holding tenants/*.yaml. */
  readonly configDir: string;
  /** Report what would change without writing. @default false */
  readonly dryRun?: boolean;
}

export interface SyncedFile {
  readonly file: string;
  readonly odsCode: string;
  readonly changes: readonly VendedAccountChange[];
}

type Outputs = Record<string, Record<string, string>>;

/**
 * `nhs-cloud sync-accounts`: writes the account IDs of newly vended accounts (outputs of the
 * Org-<ODS> stacks) into the tenant files, so the next synthesis creates their environment
 * stacks. Every file is checked before any is written: a conflict leaves config untouched.
 * Every problem with the inputs is a UserInputError (printed without a stack trace).
 */
export function syncAccounts(options: SyncAccountsOptions): SyncedFile[] {
  try {
    return sync(options);
  } catch (error) {
    if (UserInputError.is(error) || !(error instanceof Error)) throw error;
    throw new UserInputError(error.message);
  }
}

function sync(options: SyncAccountsOptions): SyncedFile[] {
  const vended = vendedAccountsFromOutputs(readOutputs(options.outputsFile));
  const files = tenantFiles(join(options.configDir, 'tenants'));
  const byTenant = new Map<string, VendedAccountOutput[]>();
  for (const account of vended) {
    byTenant.set(account.odsCode, [...(byTenant.get(account.odsCode) ?? []), account]);
  }
  const planned: (SyncedFile & { text: string; before: string })[] = [];
  for (const [odsCode, accounts] of byTenant) {
    const file = files.get(odsCode);
    if (!file) {
      throw new UserInputError(
        `${options.outputsFile}: accounts were vended for ${odsCode}, but no tenant file has that odsCode`,
      );
    }
    const before = readFileSync(file, 'utf8');
    const { text, changes } = applyVendedAccounts(file, before, accounts);
    planned.push({ file, odsCode, text, before, changes });
  }
  if (!options.dryRun) for (const p of planned) if (p.text !== p.before) writeFileSync(p.file, p.text);
  return planned.map(({ file, odsCode, changes }) => ({ file, odsCode, changes }));
}

function readOutputs(path: string): Outputs {
  if (!existsSync(path)) throw new UserInputError(`${path}: outputs file not found`);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Outputs;
  } catch (error) {
    throw new UserInputError(`${path}: not valid JSON (${(error as Error).message})`);
  }
}

/** Tenant files by the ODS code they declare (not their file name, which may differ). */
function tenantFiles(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  if (!existsSync(dir)) return found;
  for (const name of readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()) {
    const path = join(dir, name);
    const odsCode = (parse(readFileSync(path, 'utf8')) as { odsCode?: unknown } | null)?.odsCode;
    if (typeof odsCode === 'string') found.set(odsCode, path);
  }
  return found;
}

/** One line per change for the CLI, e.g. `config/tenants/RGR.yaml: dev 123456789012 added`. */
export function formatSyncReport(files: readonly SyncedFile[]): string {
  if (files.length === 0) return 'No vended accounts in the outputs file.';
  return files
    .flatMap((f) => f.changes.map((c) => `${f.file}: ${c.environment} ${c.accountId} ${c.status}`))
    .join('\n');
}
