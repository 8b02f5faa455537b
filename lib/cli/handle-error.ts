import { EXIT_CODES } from '../errors/exit-codes';
import { ReportedError } from '../errors/user-input-error';

/**
 * The one place failures become output and exit codes. One rule: a ReportedError (bad input,
 * a failed check, a stale assembly, AWS unavailable; from any layer) prints its message and
 * exits with its code; anything else is a bug, so it prints the stack for the report and exits
 * 70 (lib/errors/exit-codes.ts).
 */
export function handleError(
  error: unknown,
  stderr: (text: string) => void = (t) => process.stderr.write(t),
): never {
  if (ReportedError.is(error)) {
    stderr(`${error.message}\n`);
    process.exit(error.exitCode);
  }
  stderr(
    `nhs-cloud: internal error (a bug, please report it)\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(EXIT_CODES.internalError);
}
