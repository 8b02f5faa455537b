/**
 * The one error type for "your input is wrong, here is where": bad config, flags, context
 * values, files or environment. The CLI and `cdk synth` print its message with no stack trace
 * and exit with `exitCode`; anything else that escapes is a bug and prints its stack.
 */

/** Where the bad input is: a file position and field, or a CLI flag or `-c` context key. */
export interface InputLocation {
  /** Path of the file as the user sees it, e.g. `config/tenants/RGR.yaml`. */
  readonly file?: string;
  /** 1-based; 0 or absent when the problem is about the file as a whole. */
  readonly line?: number;
  readonly column?: number;
  /** Dotted field path within the file, e.g. `environments.prod.accountId`. */
  readonly field?: string;
  /** The flag or context key, as typed: `--out`, `-c tenant`. */
  readonly flag?: string;
}

export interface UserInputErrorOptions {
  /** How to fix it, when we can say. */
  readonly hint?: string;
  /** Process exit code. @default 1 */
  readonly exitCode?: number;
  readonly cause?: unknown;
}

/** `config/tenants/RGR.yaml:14:18 environments.prod.accountId` or `--out`. */
export function formatLocation(at: InputLocation): string {
  const file = at.file ? (at.line ? `${at.file}:${at.line}:${at.column ?? 1}` : at.file) : '';
  return [file, at.field, at.flag].filter(Boolean).join(' ');
}

/** `where: message` plus an indented hint line: the shape every input error prints in. */
export function formatInputProblem(at: InputLocation, message: string, hint?: string): string {
  const where = formatLocation(at);
  return `${where ? `${where}: ` : ''}${message}${hint ? `\n  hint: ${hint}` : ''}`;
}

const MARK = Symbol.for('nhs-cloud.UserInputError');

export class UserInputError extends Error {
  readonly exitCode: number;
  readonly hint?: string;

  /** An input error located at a file, field or flag: `UserInputError.at({ flag: '--out' }, 'expected ...', 'hint')`. */
  static at(at: InputLocation, message: string, options: UserInputErrorOptions = {}): UserInputError {
    return new UserInputError(formatInputProblem(at, message, options.hint), options);
  }

  /** True for any UserInputError, even one from another copy of this module (tsx and jest load twice). */
  static is(error: unknown): error is UserInputError {
    return typeof error === 'object' && error !== null && (error as { [MARK]?: true })[MARK] === true;
  }

  constructor(message: string, options: UserInputErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode ?? 1;
    this.hint = options.hint;
    Object.defineProperty(this, MARK, { value: true });
  }
}
