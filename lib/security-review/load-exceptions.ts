import { lstatSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ConfigError, ConfigValidationError } from '../config/config-error';
import { readConfigFile } from '../config/read-config-file';
import { didYouMean } from '../config/did-you-mean';
import { checkAgainstSchema } from '../config/schema-issues';
import { SourceFile } from '../config/source-file';
import type { ConfigText } from '../config/validate-estate';
import { daysBetween } from './dates';
import { describeScope, ExceptionsFile, exceptionsFileSchema } from './exceptions-schema';

export const EXCEPTIONS_FILE = 'exceptions.yaml';

/** Exceptions are reviewed at least once a year: a later expiry is rejected. */
export const MAX_EXCEPTION_DAYS = 366;

export interface ExceptionsCheckContext {
  /** YYYY-MM-DD; injected so expiry is testable. */
  readonly today: string;
  /** ODS codes of the estate's tenants, for `scope.tenant`. */
  readonly tenants: readonly string[];
}

/** A valid exceptions file and the parsed source, so later checks can still point at lines. */
export interface LoadedExceptions {
  readonly source: SourceFile;
  readonly file: ExceptionsFile;
}

export type ExceptionsResult =
  | { readonly ok: true; readonly value: LoadedExceptions }
  | { readonly ok: false; readonly errors: ConfigError[] };

/** Pure: schema, then expiry, tenants and duplicates. Every error is returned, none thrown. */
export function parseExceptions(text: ConfigText, context: ExceptionsCheckContext): ExceptionsResult {
  const source = new SourceFile(text.displayPath, text.text);
  if (source.syntaxErrors.length) return { ok: false, errors: source.syntaxErrors };
  const { value, errors } = checkAgainstSchema(exceptionsFileSchema, source);
  if (!value) return { ok: false, errors };
  const problems = [...checkExpiry(value, source, context.today), ...checkTenants(value, source, context)];
  problems.push(...checkDuplicates(value, source));
  return problems.length ? { ok: false, errors: problems } : { ok: true, value: { source, file: value } };
}

/**
 * Reads `DIR/exceptions.yaml`; a missing file means no exceptions. A file that cannot be read
 * as UTF-8 YAML text (a folder, a dangling link, binary) is a positioned input error.
 */
export function readExceptionsText(configDir: string): ConfigText {
  const path = join(configDir, EXCEPTIONS_FILE);
  const relativePath = relative(process.cwd(), resolve(path));
  const displayPath = relativePath.startsWith('..') ? resolve(path) : relativePath;
  if (!entryAt(path)) return { displayPath, text: 'exceptions: []\n' };
  const read = readConfigFile(path, displayPath);
  if ('message' in read) throw new ConfigValidationError([read]);
  return read;
}

/** Whether anything (a file, a folder, a dangling link) is at `path`; a config "folder" that is a file has nothing. */
function entryAt(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false; // ENOTDIR: the config folder is a file, which the estate's own error names
  }
}

function checkExpiry(file: ExceptionsFile, source: SourceFile, today: string): ConfigError[] {
  const entries = [
    ...file.exceptions.map((e, i) => ({ path: ['exceptions', i, 'expires'], expires: e.expires })),
    ...file.allowDestructive.map((e, i) => ({
      path: ['allowDestructive', i, 'expires'],
      expires: e.expires,
    })),
  ];
  const errors: ConfigError[] = [];
  for (const { path, expires } of entries) {
    const days = daysBetween(today, expires);
    if (days < 0) {
      errors.push(
        source.errorAt(
          path,
          `expired on ${expires} (today is ${today})`,
          'renew it with a fresh review (reason, approver and a new expiry), or remove it and fix the finding',
        ),
      );
    } else if (days > MAX_EXCEPTION_DAYS) {
      errors.push(
        source.errorAt(
          path,
          `expected an expiry within ${MAX_EXCEPTION_DAYS} days of today (${today}), got "${expires}"`,
          'exceptions are reviewed at least once a year; choose an earlier date',
        ),
      );
    }
  }
  return errors;
}

function checkTenants(
  file: ExceptionsFile,
  source: SourceFile,
  context: ExceptionsCheckContext,
): ConfigError[] {
  const known = new Set(context.tenants);
  return file.exceptions.flatMap((entry, i) => {
    const code = entry.scope.tenant;
    if (code === undefined || known.has(code)) return [];
    const suggestion = didYouMean(code, context.tenants);
    return [
      source.errorAt(
        ['exceptions', i, 'scope', 'tenant'],
        `expected the ODS code of a tenant in config/tenants, got "${code}"`,
        suggestion ? `did you mean "${suggestion}"?` : 'check the ODS code against config/tenants',
      ),
    ];
  });
}

function checkDuplicates(file: ExceptionsFile, source: SourceFile): ConfigError[] {
  const errors: ConfigError[] = [];
  const seen = new Map<string, number>();
  file.exceptions.forEach((entry, i) => {
    const key = `${entry.rule} ${describeScope(entry.scope)}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else {
      errors.push(
        source.errorAt(
          ['exceptions', i],
          `repeats exceptions[${first}] (${key})`,
          'keep one entry per rule and scope; merge the reasons if both apply',
        ),
      );
    }
  });
  const destructive = new Map<string, number>();
  file.allowDestructive.forEach((entry, i) => {
    const key = `${entry.change} ${entry.stack}/${entry.logicalId}`;
    const first = destructive.get(key);
    if (first === undefined) destructive.set(key, i);
    else errors.push(source.errorAt(['allowDestructive', i], `repeats allowDestructive[${first}] (${key})`));
  });
  return errors;
}
