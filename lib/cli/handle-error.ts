import { UserInputError } from '../errors/user-input-error';

/**
 * The one place failures become output and exit codes. One rule: input the user must fix
 * (a UserInputError, from any layer) prints its message and exits with its code; anything
 * else is a bug, so it prints the stack for the report and exits 2.
 */
export function handleError(
  error: unknown,
  stderr: (text: string) => void = (t) => process.stderr.write(t),
): never {
  if (UserInputError.is(error)) {
    stderr(`${error.message}\n`);
    process.exit(error.exitCode);
  }
  stderr(
    `nhs-cloud: internal error (a bug, please report it)\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(2);
}
