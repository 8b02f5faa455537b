import { UserInputError } from '../errors/user-input-error';

/**
 * One problem in the estate's configuration, located precisely enough for a trust's
 * IT team to fix it without reading our code.
 */
export interface ConfigError {
  /** Path of the file as the user typed or sees it, e.g. `config/tenants/RGR.yaml`. */
  readonly file: string;
  /** 1-based line and column; 0 when the problem is about the file as a whole. */
  readonly line: number;
  readonly column: number;
  /** Dotted field path within the file, e.g. `environments.prod.accountId`; '' for the file. */
  readonly field: string;
  /** What was expected and what was found. */
  readonly message: string;
  /** How to fix it, when we can say. */
  readonly hint?: string;
}

/** `config/tenants/RGR.yaml:14:18 environments.prod.accountId: expected ..., got "12345"` */
export function formatConfigError(error: ConfigError): string {
  const where = error.line > 0 ? `${error.file}:${error.line}:${error.column}` : error.file;
  const field = error.field ? ` ${error.field}` : '';
  const hint = error.hint ? `\n  hint: ${error.hint}` : '';
  return `${where}${field}: ${error.message}${hint}`;
}

/** Orders errors by file, then position, so output is stable and reads top to bottom. */
export function sortConfigErrors(errors: readonly ConfigError[]): ConfigError[] {
  return [...errors].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.field.localeCompare(b.field),
  );
}

export function formatConfigErrors(errors: readonly ConfigError[]): string {
  const sorted = sortConfigErrors(errors);
  const files = new Set(sorted.map((e) => e.file)).size;
  const noun = sorted.length === 1 ? 'error' : 'errors';
  return `${sorted.map(formatConfigError).join('\n')}\n\n${sorted.length} configuration ${noun} in ${files} file${files === 1 ? '' : 's'}.`;
}

/**
 * Thrown by the loader when a config is invalid; carries every error, not just the first.
 * A UserInputError, so the CLI and `cdk synth` print it without a stack and exit 2.
 */
export class ConfigValidationError extends UserInputError {
  constructor(public readonly errors: readonly ConfigError[]) {
    super(formatConfigErrors(errors));
  }
}

/** Shows a value the way the user wrote it: strings quoted, objects summarised. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return value.length ? 'a list' : 'an empty list';
  if (typeof value === 'object') return Object.keys(value).length ? 'a mapping' : 'an empty mapping';
  return String(value);
}
