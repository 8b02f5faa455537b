/** How long a lookup keeps asking for something that is not there yet. */
export interface Wait {
  /** Pause between attempts. */
  readonly waitMs: number;
  /** Attempts in all, the first included. */
  readonly tries: number;
  /** Tests pass one that does not sleep. */
  readonly sleep: (ms: number) => Promise<void>;
}

/** 40 attempts 15 s apart: ten minutes, inside the function's 15-minute timeout. */
export const DEFAULT_WAIT: Wait = {
  waitMs: 15_000,
  tries: 40,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Runs `attempt` until it returns a value, pausing between attempts; after the last one,
 * throws the error `giveUp` makes from the last attempt's answer.
 */
export async function waitFor<T, Miss>(
  wait: Wait,
  attempt: () => Promise<{ value: T } | { missing: Miss }>,
  giveUp: (missing: Miss) => Error,
): Promise<T> {
  for (let n = 1; ; n++) {
    const result = await attempt();
    if ('value' in result) return result.value;
    if (n >= wait.tries) throw giveUp(result.missing);
    await wait.sleep(wait.waitMs);
  }
}
