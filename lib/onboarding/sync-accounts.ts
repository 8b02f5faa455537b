import { join } from 'node:path';
import { ConfigError, formatConfigErrors } from '../config/config-error';
import { readConfigTexts } from '../config/load-config';
import { coreAccounts, EstateModel } from '../config/model';
import { ConfigText, validateEstate } from '../config/validate-estate';
import { formatInputProblem, UserInputError } from '../errors/user-input-error';
import { writeFilesAllOrNothing } from '../files/write-files';
import { applyVendedAccounts, VendedAccountChange } from '../planners/landing-zone/vended-accounts';
import { readVendedAccounts, VendedAccount } from './read-outputs';

export interface SyncAccountsOptions {
  /** JSON written by `cdk deploy --outputs-file`. */
  readonly outputsFile: string;
  /** Config directory holding estate.yaml and tenants/*.yaml. */
  readonly configDir: string;
  /** Report what would change without writing. @default false */
  readonly dryRun?: boolean;
  /** YYYY-MM-DD, for the estate's own date checks. @default today */
  readonly today?: string;
}

export interface SyncedFile {
  readonly file: string;
  readonly odsCode: string;
  readonly changes: readonly VendedAccountChange[];
}

/**
 * `nhs-cloud sync-accounts`: writes the account IDs of newly vended accounts (outputs of the
 * Org-<ODS> stacks) into the tenant files, so the next synthesis creates their environment
 * stacks. Everything is checked before anything is written, and the files are then written
 * all or nothing:
 *
 * - the outputs file's shape and every ID (lib/onboarding/read-outputs.ts);
 * - the config as it is must be valid (its YAML errors name their files);
 * - each vended account belongs to an environment its tenant file has, which has no other
 *   account yet, and its ID is not an account the estate already uses;
 * - the config with the IDs written must still validate.
 */
export function syncAccounts(options: SyncAccountsOptions): SyncedFile[] {
  const vended = readVendedAccounts(options.outputsFile);
  const texts = readConfigTexts(options.configDir);
  if (Array.isArray(texts)) throw invalidConfig(options.configDir, texts);
  const before = validateEstate(texts.estate, texts.tenants, options.today, texts);
  if (!before.ok) throw invalidConfig(options.configDir, before.errors);

  const problems = checkVended(vended, before.model, options.outputsFile);
  if (problems.length) throw new UserInputError(problems.join('\n'));

  const planned: (SyncedFile & { text: string; before: string })[] = [];
  for (const [odsCode, accounts] of groupByTenant(vended)) {
    const tenant = before.model.tenants.find((t) => t.odsCode === odsCode)!;
    const source = texts.tenants.find((t) => t.displayPath === tenant.file)!;
    const { text, changes } = applyVendedAccounts(tenant.file, source.text, accounts);
    planned.push({ file: tenant.file, odsCode, text, before: source.text, changes });
  }
  const changed = planned.filter((p) => p.text !== p.before);
  const after = validateEstate(
    texts.estate,
    texts.tenants.map((t) => withChange(t, changed)),
    options.today,
    texts,
  );
  if (!after.ok) {
    throw new UserInputError(
      `the vended accounts in ${options.outputsFile} would make the config invalid, so nothing was written:\n\n${formatConfigErrors(after.errors)}`,
    );
  }
  if (!options.dryRun) {
    writeFilesAllOrNothing(changed.map((p) => ({ path: pathOf(options.configDir, p.file), text: p.text })));
  }
  return planned.map(({ file, odsCode, changes }) => ({ file, odsCode, changes }));
}

/** Every problem with the vended accounts against the estate, each at its outputs key. */
function checkVended(vended: readonly VendedAccount[], model: EstateModel, outputsFile: string): string[] {
  const problems: string[] = [];
  const at = (key: string, message: string, hint?: string) =>
    problems.push(formatInputProblem({ file: outputsFile, field: key }, message, hint));
  const owners = new Map<string, string>();
  for (const [role, id] of Object.entries(coreAccounts(model.estate)))
    owners.set(id, `the estate's ${role} account`);
  for (const tenant of model.tenants)
    for (const [env, config] of Object.entries(tenant.environments))
      if (config.accountId) owners.set(config.accountId, `${tenant.odsCode} ${env} (${tenant.file})`);
  const seen = new Map<string, string>();
  for (const account of vended) {
    const tenant = model.tenants.find((t) => t.odsCode === account.odsCode);
    if (!tenant) {
      at(
        account.key,
        `expected a tenant of the config, got ${account.odsCode}, which has no tenant file`,
        'sync from the outputs of this estate’s deploy, or onboard the tenant first',
      );
      continue;
    }
    const env = tenant.environments[account.environment];
    if (!env) {
      at(
        account.key,
        `expected an environment of ${account.odsCode} (${Object.keys(tenant.environments).join(', ')}), got "${account.environment}"`,
        `the organization vended an account ${tenant.file} does not list; check the file and the deployed Org-${account.odsCode} stack agree`,
      );
      continue;
    }
    if (env.accountId !== undefined && env.accountId !== account.accountId) {
      at(
        account.key,
        `expected ${env.accountId}, the account ${tenant.file} gives ${account.odsCode} ${account.environment}, got ${account.accountId}`,
        'config and the organization disagree: find out which account is right before changing either',
      );
      continue;
    }
    if (env.accountId === undefined && owners.has(account.accountId)) {
      at(
        account.key,
        `expected an account no other environment uses, got ${account.accountId}, which ${owners.get(account.accountId)} already is`,
        'each tenant environment is its own AWS account; check the outputs come from this estate’s deploy',
      );
    }
    const twice = seen.get(account.accountId);
    if (twice)
      at(account.key, `expected each vended account once, got ${account.accountId}, which ${twice} also has`);
    seen.set(account.accountId, account.key);
  }
  return problems;
}

function groupByTenant(vended: readonly VendedAccount[]): Map<string, VendedAccount[]> {
  const byTenant = new Map<string, VendedAccount[]>();
  for (const account of vended)
    byTenant.set(account.odsCode, [...(byTenant.get(account.odsCode) ?? []), account]);
  return byTenant;
}

function withChange(text: ConfigText, changed: ReadonlyArray<{ file: string; text: string }>): ConfigText {
  const change = changed.find((c) => c.file === text.displayPath);
  return change ? { displayPath: text.displayPath, text: change.text } : text;
}

/** The path to write for a displayed tenant file (display paths are relative to the cwd). */
function pathOf(configDir: string, displayPath: string): string {
  return join(configDir, 'tenants', displayPath.replace(/^.*[\\/]/, ''));
}

function invalidConfig(configDir: string, errors: readonly ConfigError[]): UserInputError {
  return new UserInputError(
    `${configDir} is not valid, so no account was synced; fix these first:\n\n${formatConfigErrors(errors)}`,
  );
}

/** One line per change for the CLI, e.g. `config/tenants/RGR.yaml: dev 123456789012 added`. */
export function formatSyncReport(files: readonly SyncedFile[]): string {
  if (files.length === 0) return 'No vended accounts in the outputs file.';
  return files
    .flatMap((f) => f.changes.map((c) => `${f.file}: ${c.environment} ${c.accountId} ${c.status}`))
    .join('\n');
}
