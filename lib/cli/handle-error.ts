import { ConfigValidationError } from '../config/config-error';
import { UserError } from '../user-error';

/** Thrown by a command to stop with a message and an exit code, without a stack trace. */
export class CliError extends UserError {
  constructor(message: string, exitCode = 1) {
    super(message, exitCode);
    this.name = 'CliError';
  }
}

/** The one place failures become output and exit codes: known errors print cleanly, bugs print their stack. */
export function handleError(
  error: unknown,
  stderr: (text: string) => void = (t) => process.stderr.write(t),
): never {
  if (error instanceof ConfigValidationError || error instanceof UserError) {
    stderr(`${error.message}\n`);
    process.exit(error instanceof UserError ? error.exitCode : 1);
  }
  stderr(
    `nhs-cloud: unexpected error\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(2);
}
