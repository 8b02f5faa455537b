import { ConfigValidationError } from '../config/config-error';
import { ReportedError } from '../errors/user-input-error';
import { FlagProblemsError } from '../onboarding/flag-problems';

/** `--format` of the commands whose result a machine may read (validate, onboard). */
export const OUTPUT_FORMATS = ['text', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/**
 * A failure as JSON on stdout, for `--format json`: the problems with their file, line and
 * field or flag, and the exit code. The human message still goes to stderr.
 */
export function failureJson(error: unknown): string {
  const exitCode = ReportedError.is(error) ? error.exitCode : 70;
  const body: Record<string, unknown> = { ok: false, exitCode };
  if (error instanceof ConfigValidationError) body.errors = error.errors.slice(0, 1000);
  else if (error instanceof FlagProblemsError) body.errors = error.problems.slice(0, 1000);
  else body.message = error instanceof Error ? error.message : String(error);
  return JSON.stringify(body, undefined, 2);
}
