/** Where progress goes, and whether it may redraw a line. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * Whether a long command shows its progress: on a terminal, not in CI, unless
 * NHS_CLOUD_PROGRESS says otherwise (`true` forces it, for a CI log that wants it; `false`
 * silences a terminal).
 */
export function progressWanted(
  env: Readonly<Record<string, string | undefined>>,
  stream: ProgressStream,
): boolean {
  if (env.NHS_CLOUD_PROGRESS === 'true') return true;
  if (env.NHS_CLOUD_PROGRESS === 'false') return false;
  return stream.isTTY === true && !env.CI;
}
