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
  const hint = error.hint ? `\n  hint: ${cut(error.hint, MAX_MESSAGE_CHARS)}` : '';
  return `${where}${field}: ${cut(error.message, MAX_MESSAGE_CHARS)}${hint}`;
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

/** At most this many errors are printed; the rest are counted ("and 950 more"). */
export const MAX_PRINTED_ERRORS = 50;

/** Longest message or hint printed whole; longer ones (a pasted 50 MB value) are cut. */
export const MAX_MESSAGE_CHARS = 500;

/**
 * Every error, sorted, then a count. Output stays bounded: a pasted block repeated 10,000
 * times prints the first {@link MAX_PRINTED_ERRORS} errors and "... and N more".
 */
export function formatConfigErrors(errors: readonly ConfigError[], limit = MAX_PRINTED_ERRORS): string {
  const sorted = sortConfigErrors(errors);
  const files = new Set(sorted.map((e) => e.file)).size;
  const noun = sorted.length === 1 ? 'error' : 'errors';
  const shown = sorted.slice(0, limit).map(formatConfigError);
  if (sorted.length > limit) shown.push(`... and ${sorted.length - limit} more`);
  return `${shown.join('\n')}\n\n${sorted.length} configuration ${noun} in ${files} file${files === 1 ? '' : 's'}.`;
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

/** Longest value echoed back in an error; a longer one is cut and its length given. */
export const MAX_ECHOED_CHARS = 200;

/**
 * A value quoted for an error message, cut to {@link MAX_ECHOED_CHARS} characters so a 50 MB
 * value is never printed back whole: `"aaaa..." (52,428,800 characters)`.
 */
export function quoteValue(text: string, limit = MAX_ECHOED_CHARS): string {
  if (text.length <= limit) return escaped(text);
  return `${escaped(text.slice(0, limit))}... (${text.length.toLocaleString('en-GB')} characters)`;
}

/** JSON-quoted, with the invisible characters JSON leaves alone (text direction, C1) escaped too. */
function escaped(text: string): string {
  return JSON.stringify(text).replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** `text` whole if short, else its first `limit` characters and a count of the rest. */
export function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit)}... (${(text.length - limit).toLocaleString('en-GB')} more characters)`;
}

/** Shows a value the way the user wrote it: strings quoted (and cut), objects summarised. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return quoteValue(value);
  if (Array.isArray(value)) return value.length ? 'a list' : 'an empty list';
  if (typeof value === 'object') return Object.keys(value).length ? 'a mapping' : 'an empty mapping';
  return String(value);
}
