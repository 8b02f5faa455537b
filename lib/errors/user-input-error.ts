import { EXIT_CODES } from './exit-codes';

/**
 * Failures the CLI and `cdk synth` report by message and exit code, with no stack trace:
 * `UserInputError` ("your input is wrong, here is where", exit 2) and the outcomes that are not
 * bugs either (a failed check, a stale assembly, AWS unavailable). Anything else that escapes is
 * a bug and prints its stack (exit 70).
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

export interface ReportedErrorOptions {
  /** How to fix it, when we can say. */
  readonly hint?: string;
  /** Process exit code; each class has its default (lib/errors/exit-codes.ts). */
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

const REPORTED = Symbol.for('nhs-cloud.ReportedError');
const USER_INPUT = Symbol.for('nhs-cloud.UserInputError');

/** Base of every failure printed as a message with an exit code (see the classes below). */
export class ReportedError extends Error {
  readonly exitCode: number;
  readonly hint?: string;

  /** True for any ReportedError, even one from another copy of this module (tsx and jest load twice). */
  static is(error: unknown): error is ReportedError {
    return typeof error === 'object' && error !== null && (error as { [REPORTED]?: true })[REPORTED] === true;
  }

  constructor(message: string, exitCode: number, options: ReportedErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode ?? exitCode;
    this.hint = options.hint;
    Object.defineProperty(this, REPORTED, { value: true });
  }
}

/** Input the user must fix, located at a file, field or flag, with a hint. Exit 2. */
export class UserInputError extends ReportedError {
  /** An input error located at a file, field or flag: `UserInputError.at({ flag: '--out' }, 'expected ...', { hint })`. */
  static at(at: InputLocation, message: string, options: ReportedErrorOptions = {}): UserInputError {
    return new UserInputError(formatInputProblem(at, message, options.hint), options);
  }

  /** True for any UserInputError, even one from another copy of this module. */
  static override is(error: unknown): error is UserInputError {
    return (
      typeof error === 'object' && error !== null && (error as { [USER_INPUT]?: true })[USER_INPUT] === true
    );
  }

  constructor(message: string, options: ReportedErrorOptions = {}) {
    super(message, EXIT_CODES.badInput, options);
    Object.defineProperty(this, USER_INPUT, { value: true });
  }
}

/** A check ran and said no: findings, violations, drift, unmet capacity, a blocked change. Exit 1. */
export class CheckFailedError extends ReportedError {
  constructor(message: string, options: ReportedErrorOptions = {}) {
    super(message, EXIT_CODES.checkFailed, options);
  }
}

/** The assembly is missing or was not synthesized from this config as it is now. Exit 3. */
export class StaleAssemblyError extends ReportedError {
  constructor(message: string, options: ReportedErrorOptions = {}) {
    super(message, EXIT_CODES.staleAssembly, options);
  }
}

/** AWS could not be asked or did not answer as the service. Exit 4. */
export class AwsUnavailableError extends ReportedError {
  constructor(message: string, options: ReportedErrorOptions = {}) {
    super(message, EXIT_CODES.awsUnavailable, options);
  }
}
