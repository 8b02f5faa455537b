import { cut, MAX_PRINTED_ERRORS } from '../config/config-error';
import { formatInputProblem, UserInputError } from '../errors/user-input-error';

/** A problem with what the user typed, at the flag they typed it in. */
export interface FlagProblem {
  /** The flag as typed, e.g. `--owner`, `--env prod`. */
  readonly flag: string;
  readonly message: string;
  readonly hint?: string;
}

/**
 * Every flag problem at once, as one input error (exit 2): one `--flag: message` block per
 * problem, capped like config errors, so a run shows everything to fix.
 */
export class FlagProblemsError extends UserInputError {
  constructor(readonly problems: readonly FlagProblem[]) {
    super(formatFlagProblems(problems));
  }
}

export function formatFlagProblems(problems: readonly FlagProblem[]): string {
  const shown = problems
    .slice(0, MAX_PRINTED_ERRORS)
    .map((p) => formatInputProblem({ flag: p.flag }, cut(p.message, 500), p.hint && cut(p.hint, 500)));
  if (problems.length > MAX_PRINTED_ERRORS)
    shown.push(`... and ${problems.length - MAX_PRINTED_ERRORS} more`);
  return shown.join('\n');
}
