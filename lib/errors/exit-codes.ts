/**
 * The exit codes of every `nhs-cloud` command and of `cdk synth` (README, "Exit codes"), the
 * same across commands so a pipeline can tell "the check says no" from "the check could not run".
 */
export const EXIT_CODES = {
  /** Everything checked holds. */
  ok: 0,
  /** A check ran and failed: findings, violations, drift, an unmet capacity need, a blocked change. */
  checkFailed: 1,
  /** Bad usage or input: a flag, a `-c` value, a config file, a file given on the command line. */
  badInput: 2,
  /** The cloud assembly is missing, or is not the product of the last successful synth of this config. */
  staleAssembly: 3,
  /** AWS could not be asked: no answer in time, credentials, access denied, an answer that is not the service's. */
  awsUnavailable: 4,
  /** A bug: the stack trace is printed for the report (EX_SOFTWARE in BSD sysexits). */
  internalError: 70,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
